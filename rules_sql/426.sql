/*
code: '426'
name: short_breaks_under_both_v3_and_v4
message: A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.
fields: [LS]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces, so
  v3 is V3 for it and 'V3 ' is not (the reverse for us).
*/
-- A child with both a V3 and a V4 episode in the return: every V3 and V4 episode of that child is
-- flagged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'short_breaks') }}
  AND EXISTS (SELECT 1 FROM episodes AS v3 WHERE v3.child = e.child AND v3.ls = 'V3')
  AND EXISTS (SELECT 1 FROM episodes AS v4 WHERE v4.child = e.child AND v4.ls = 'V4')
