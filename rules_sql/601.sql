/*
code: '601'
name: adopted_in_year_adoption_fields_missing
message: The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.
fields: [REC, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  REC is compared case-sensitively after trimming; the peer upper-cases values. As the peer, a
  DATE_INT or DATE_MATCH given but not a valid date counts as completed (other rules judge the date).
*/
-- An episode ending in adoption (REC E11 or E12) with DEC within the year, for a child with an AD1
-- row leaving any of the six adoption fields blank: flags the episode and those AD1 rows. A child
-- with no AD1 row at all is not flagged here, as the peer does.
WITH r601_adopted AS (
  SELECT e.row_no, e.child
  FROM episodes AS e
  WHERE e.rec IN {{ codes('REC', 'adopted') }}
    AND e.dec >= {{ collection_start }} AND e.dec <= {{ collection_end }}
),
r601_incomplete AS (
  SELECT a.row_no, a.child
  FROM ad1 AS a
  WHERE ssda_is_blank(a.date_int_raw) OR ssda_is_blank(a.date_match_raw) OR a.foster_care IS NULL
     OR a.nb_adoptr IS NULL OR a.sex_adoptr IS NULL OR a.ls_adoptr IS NULL
)
SELECT 'episodes' AS table_name, d.row_no, d.child
FROM r601_adopted AS d
WHERE EXISTS (SELECT 1 FROM r601_incomplete AS i WHERE i.child = d.child)
UNION ALL
SELECT 'ad1' AS table_name, i.row_no, i.child
FROM r601_incomplete AS i
WHERE EXISTS (SELECT 1 FROM r601_adopted AS d WHERE d.child = i.child)
