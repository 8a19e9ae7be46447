/*
code: '193'
name: intervention_completed_without_substance_misuse
message: Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.
fields: [SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so ' 0' is not 0
  for it and a value of only spaces is completed.
*/
-- "Not identified": SUBSTANCE_MISUSE 0 or blank (as the peer; an invalid code is rule 181's).
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE (o.substance_misuse IS NULL OR o.substance_misuse = '0')
  AND (o.intervention_received IS NOT NULL OR o.intervention_offered IS NOT NULL)
