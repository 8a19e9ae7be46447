/*
code: '1003'
name: placed_for_adoption_before_looked_after
message: Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.
fields: [DATE_PLACED, DECOM, RNE]
tables: [episodes, placed_for_adoption]
years: 2023/24-2026/27
differs_from_peer: >
  RNE is compared case-sensitively (a lower-case s is not S); the peer upper-cases every value
  first. The peer also raises an error (and reports nothing) when a child's only RNE S episodes
  have no valid DECOM; we leave such a child out.
*/
-- DATE_PLACED cannot be before the DECOM of the child's first episode with RNE = 'S' (earliest
-- valid DECOM, ties by row_no). Flags that episode and each placed-for-adoption row dated before it.
WITH r1003_starts AS (
  SELECT e.row_no, e.child, e.decom,
         ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom, e.row_no) AS r1003_pos
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL AND e.rne = 'S'
),
r1003_first AS (
  SELECT s.row_no, s.child, s.decom
  FROM r1003_starts AS s
  WHERE s.r1003_pos = 1
)
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM r1003_first AS f
WHERE EXISTS (SELECT 1 FROM placed_for_adoption AS p
              WHERE p.child = f.child AND p.date_placed < f.decom)
UNION ALL
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE EXISTS (SELECT 1 FROM r1003_first AS f
              WHERE f.child = p.child AND p.date_placed < f.decom)
