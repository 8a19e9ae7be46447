/*
code: '158'
name: intervention_offered_completed_though_received
message: If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.
fields: [INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so it reads ' 1' as
  not 1 and an INTERVENTION_OFFERED of only spaces as completed.
*/
-- INTERVENTION_RECEIVED = 1 and INTERVENTION_OFFERED completed (whatever its value).
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.intervention_received = '1'
  AND o.intervention_offered IS NOT NULL
