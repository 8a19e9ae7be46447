/*
code: '544'
name: conviction_without_health_items
message: Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.
fields: [CONVICTED, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so ' 1' is not 1
  for it and an item of only spaces is completed.
*/
-- "Conviction information completed" is CONVICTED = 1, as in the peer (0 records no conviction).
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.convicted = '1'
  AND (o.immunisations IS NULL OR o.teeth_check IS NULL
       OR o.health_assessment IS NULL OR o.substance_misuse IS NULL)
