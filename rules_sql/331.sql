/*
code: '331'
name: matched_after_placed_for_adoption
message: Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.
fields: [DATE_MATCH, DECOM, REC]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  REC is compared case-sensitively after trimming (e11 is not E11); the peer upper-cases values.
  Dates with spaces around them are read as dates (staging trims).
*/
-- The episode that ends in adoption (REC E11 or E12) is the placement for adoption: its DECOM must
-- not be before the child's DATE_MATCH. Flags each such episode and each AD1 row matched after it.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN {{ codes('REC', 'adopted') }}
  AND EXISTS (SELECT 1 FROM ad1 AS a WHERE a.child = e.child AND a.date_match > e.decom)
UNION ALL
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = a.child AND e.rec IN {{ codes('REC', 'adopted') }} AND a.date_match > e.decom)
