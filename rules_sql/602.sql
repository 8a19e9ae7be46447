/*
code: '602'
name: adoption_fields_but_not_adopted_in_year
message: The episode data submitted for this child does not show that he/she was adopted during the year.
fields: [CHILD]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  REC is compared case-sensitively after trimming (e11 is not E11). A date given but not valid
  counts as an adoption field completed.
*/
-- An AD1 row with any of the six adoption fields completed is flagged when the child has no
-- episode ending in adoption (REC E11 or E12) with DEC within the year.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE (NOT ssda_is_blank(a.date_int_raw) OR NOT ssda_is_blank(a.date_match_raw) OR a.foster_care IS NOT NULL
       OR a.nb_adoptr IS NOT NULL OR a.sex_adoptr IS NOT NULL OR a.ls_adoptr IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM episodes AS e
                  WHERE e.child = a.child AND e.rec IN {{ codes('REC', 'adopted') }}
                    AND e.dec >= {{ collection_start }} AND e.dec <= {{ collection_end }})
