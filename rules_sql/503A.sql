/*
code: 503A
name: first_rne_differs_from_open_episode_last_year
message: The reason for new episode in the first episode does not match open episode at end of last year.
fields: [RNE]
tables: [episodes, episodes_last]
years: 2023/24-2026/27
differs_from_peer: >
  Codes are compared case-sensitively ('l' against 'L' differs); the peer upper-cases every value
  first. DECOM ties are broken by row (first episode: the earlier row; last year's final episode:
  the later row), where the peer takes the first row either way. Episodes with a blank or invalid
  DECOM are left out; a child with no valid DECOM at all makes the peer's rule fail for the whole
  return (ValueError from argmin), while here that child is simply not compared.
*/
-- When the child's final episode last year (latest valid DECOM) was still open (DEC blank or not
-- a valid date), the child's first episode this year (earliest valid DECOM) must have the same RNE.
-- A blank RNE on one side only counts as different.
WITH r503a_first AS (
  SELECT e.row_no, e.child, e.rne,
         ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom, e.row_no) AS r503a_pos
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
),
r503a_last AS (
  SELECT l.child, l.rne, l.dec,
         ROW_NUMBER() OVER (PARTITION BY l.child ORDER BY l.decom DESC, l.row_no DESC) AS r503a_pos
  FROM episodes_last AS l
  WHERE l.child IS NOT NULL AND l.decom IS NOT NULL
)
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM r503a_first AS f
JOIN r503a_last AS p ON p.child = f.child AND p.r503a_pos = 1
WHERE f.r503a_pos = 1
  AND p.dec IS NULL
  AND (f.rne <> p.rne
       OR (f.rne IS NULL AND p.rne IS NOT NULL)
       OR (f.rne IS NOT NULL AND p.rne IS NULL))
