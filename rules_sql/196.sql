/*
code: '196'
name: sdq_reason_not_valid
message: Strengths and Difficulties (SDQ) reason is not a valid code.
fields: [SDQ_REASON]
tables: [oc2]
years: 2023/24-
fix: {kind: code, field: SDQ_REASON}
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer upper-cases every value but keeps the
  spaces, so it accepts 'sdq1' and flags 'SDQ1 ' and a reason of only spaces (blank for us, allowed).
*/
-- A blank reason is allowed.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.sdq_reason NOT IN {{ codes('SDQ_REASON') }}
