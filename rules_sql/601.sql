/*
code: '601'
name: adopted_in_year_adoption_fields_missing
message: The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.
fields: [REC, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  A child adopted during the year with no AD1 row at all has none of the fields provided: we flag
  its adoption episode; the peer only looks at children with an AD1 row (on the peer's 2025/26
  data: 80 episodes flagged by us only, all of this kind). REC is compared case-sensitively after
  trimming; the peer upper-cases values. As the peer, a DATE_INT or DATE_MATCH given but not a
  valid date counts as completed (other rules judge the date).
*/
-- A child adopted during the year (an episode with REC E11 or E12 and DEC within the year) needs
-- all six adoption fields: DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR.
-- Flags such an episode when the child has no AD1 row, or an AD1 row leaving any of the six blank
-- (that row is flagged too).
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
   OR NOT EXISTS (SELECT 1 FROM ad1 AS a WHERE a.child = d.child)
UNION ALL
SELECT 'ad1' AS table_name, i.row_no, i.child
FROM r601_incomplete AS i
WHERE EXISTS (SELECT 1 FROM r601_adopted AS d WHERE d.child = i.child)
