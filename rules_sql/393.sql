/*
code: '393'
name: looked_after_female_mother_missing
message: Child is looked after but mother field is not completed.
fields: [MOTHER]
tables: [header, episodes]
years: 2023/24-
differs_from_peer: >
  One file for the peer's two versions: the female code is the year's (2 to 2023/24, F from
  2024/25; rules_sql/codes/SEX.yml group female). SEX and LS are trimmed and compared
  case-sensitively; the peer upper-cases every value but keeps spaces (f is F for it, 'F ' is not).
  A MOTHER of only spaces is blank for us; the peer reads it as completed.
*/
-- A female child's Header row needs MOTHER when the child has an episode whose LS is not a short
-- break (V3, V4), a blank LS included.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex IN {{ codes('SEX', 'female') }} AND h.mother IS NULL
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = h.child AND (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }}))
