/*
code: '302'
name: first_episode_before_birth
message: First episode starts before child was born.
fields: [DECOM, DOB]
tables: [header, episodes_seq]
years: 2023/24-
differs_from_peer: >
  Same logic. The peer raises an error (and reports nothing for the whole return) when any child
  has episodes but none with a valid DECOM; we leave such a child out.
  CHILD values are trimmed and matched case-sensitively between header and episodes ('a1' is
  not 'A1'; the peer upper-cases both), and a DOB or DECOM with spaces around it is a date for us
  (the peer reads it as not a date and does not compare).
*/
-- The child's first episode (earliest valid DECOM, ties by row) must not start before the DOB in
-- the Header. Flags that episode and the child's Header row.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.is_first = 1
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = s.child AND h.dob > s.decom)
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE EXISTS (SELECT 1 FROM episodes_seq AS s WHERE s.child = h.child AND s.is_first = 1 AND h.dob > s.decom)
