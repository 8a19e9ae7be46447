/*
code: '190'
name: oc2_items_but_not_continuously_looked_after
message: Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.
fields: [CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- An OC2 row whose child is not in the OC2 population (child_facts.continuously_looked_after; a
-- child with no episodes is not in it) must leave all eight 12-month items blank. (SDQ items are
-- rules 185 and 198.)
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
LEFT JOIN child_facts AS f ON f.child = o.child
WHERE COALESCE(f.continuously_looked_after, 0) = 0
  AND (o.convicted IS NOT NULL OR o.health_check IS NOT NULL
       OR o.immunisations IS NOT NULL OR o.teeth_check IS NOT NULL
       OR o.health_assessment IS NOT NULL OR o.substance_misuse IS NOT NULL
       OR o.intervention_received IS NOT NULL OR o.intervention_offered IS NOT NULL)
