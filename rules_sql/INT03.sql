/*
code: INT03
name: episode_child_not_in_header
message: 'Internal Check: Child in Episodes does not exist in Header.'
fields: [CHILD]
tables: [header, episodes]
years: 2023/24-
differs_from_peer: >
  CHILD values are trimmed and matched case-sensitively: ' 1' matches header child '1' (the
  peer keeps spaces and flags it) and 'a1' does not match 'A1' (the peer upper-cases both and
  matches them).
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE NOT EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child)
