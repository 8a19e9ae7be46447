/*
code: '192'
name: intervention_received_blank_with_substance_misuse
message: Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.
fields: [SUBSTANCE_MISUSE, INTERVENTION_RECEIVED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so it reads ' 1' as
  not 1 and an INTERVENTION_RECEIVED of only spaces as completed.
*/
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.substance_misuse = '1'
  AND o.intervention_received IS NULL
