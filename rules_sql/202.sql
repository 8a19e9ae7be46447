/*
code: '202'
name: sex_differs_from_last_year
message: The gender code conflicts with the gender already recorded for this child.
fields: [SEX]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  From 2024/25 the old codes 1 and 2 are read as M and F on both sides, so a child recorded as 1
  last year (2023/24 codes) and M this year does not conflict; the peer compares the text and flags
  every such child in 2024/25. Nothing is flagged when last year's SEX is blank (nothing was
  recorded); the peer flags blank-against-code either way round. Codes are compared
  case-sensitively ('m' against 'M' conflicts); the peer upper-cases every value first.
  CHILD and SEX are trimmed of surrounding spaces before comparing: ' M' this year against
  'M' last year does not conflict for us; the peer keeps spaces and flags it.
*/
-- A child in both years' headers whose SEX this year is blank or differs from last year's, both
-- read in the year's coding (codes/SEX.yml: from 2024/25, an old 1/2 is M/F).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND l.sex IS NOT NULL
      AND (h.sex IS NULL OR {{ crosswalk('SEX', 'h.sex') }} <> {{ crosswalk('SEX', 'l.sex') }})
  )
