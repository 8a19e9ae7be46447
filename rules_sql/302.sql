/*
code: '302'
name: first_episode_before_birth
message: First episode starts before child was born.
fields: [DECOM, DOB]
tables: [header, episodes]
years: 2023/24-2026/27
differs_from_peer: >
  Same logic. The peer raises an error (and reports nothing for the whole return) when any child
  has episodes but none with a valid DECOM; we leave such a child out.
*/
-- The child's first episode (earliest valid DECOM, ties by row_no) must not start before the
-- DOB in the Header. Flags that episode and the child's Header row.
WITH r302_seq AS (
  SELECT e.row_no, e.child, e.decom,
         ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom, e.row_no) AS r302_pos
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
),
r302_first AS (
  SELECT s.row_no, s.child, s.decom
  FROM r302_seq AS s
  WHERE s.r302_pos = 1
)
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM r302_first AS f
WHERE EXISTS (SELECT 1 FROM header AS h WHERE h.child = f.child AND h.dob > f.decom)
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE EXISTS (SELECT 1 FROM r302_first AS f WHERE f.child = h.child AND h.dob > f.decom)
