/*
code: '442'
name: upn_missing
message: Unique Pupil Number (UPN) field is not completed.
fields: [UPN]
tables: [header, episodes]
years: 2023/24-
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces
  (v3 is V3 for it, 'V3 ' is not). A UPN of only spaces is blank for us; the peer reads it as
  completed.
*/
-- DfE: where any episode is present with an LS other than V3 or V4, UPN must be provided. A
-- child's Header row with a blank UPN is flagged when the child has an episode whose LS is not a
-- short break (V3, V4), a blank LS included.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.upn IS NULL
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = h.child AND (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }}))
