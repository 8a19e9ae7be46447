/*
code: '159'
name: intervention_offered_blank_though_not_received
message: If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.
fields: [SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so it reads ' 1' as
  not 1 and an INTERVENTION_OFFERED of only spaces as completed.
*/
-- A substance misuse problem (SUBSTANCE_MISUSE = 1) with no intervention received
-- (INTERVENTION_RECEIVED = 0) must say whether one was offered.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.substance_misuse = '1'
  AND o.intervention_received = '0'
  AND o.intervention_offered IS NULL
