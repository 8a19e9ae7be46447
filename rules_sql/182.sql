/*
code: '182'
name: oc2_health_items_partly_completed
message: Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.
fields: [IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, CONVICTED, HEALTH_CHECK, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  As the DfE message says, a row with any of the eight OC2 items completed must have all four of
  IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE. The peer only counts
  CONVICTED, HEALTH_CHECK and the two INTERVENTION items as "completed", so a row with, say,
  IMMUNISATIONS and HEALTH_ASSESSMENT but no TEETH_CHECK and nothing else is flagged by us only.
  A value of only spaces is blank for us and completed for the peer.
*/
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE (o.immunisations IS NULL OR o.teeth_check IS NULL
       OR o.health_assessment IS NULL OR o.substance_misuse IS NULL)
  AND (o.convicted IS NOT NULL OR o.health_check IS NOT NULL
       OR o.immunisations IS NOT NULL OR o.teeth_check IS NOT NULL
       OR o.health_assessment IS NOT NULL OR o.substance_misuse IS NOT NULL
       OR o.intervention_received IS NOT NULL OR o.intervention_offered IS NOT NULL)
