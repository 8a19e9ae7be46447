/*
code: '547'
name: health_check_without_health_items
message: Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.
fields: [HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so ' 1' is not 1
  for it and an item of only spaces is completed.
*/
-- "Health promotion information completed" is HEALTH_CHECK = 1, as in the peer.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.health_check = '1'
  AND (o.immunisations IS NULL OR o.teeth_check IS NULL
       OR o.health_assessment IS NULL OR o.substance_misuse IS NULL)
