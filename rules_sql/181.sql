/*
code: '181'
name: oc2_item_not_0_or_1
message: Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.
fields: [CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer keeps the spaces, so it flags ' 1'
  and a value of only spaces, which are 1 and blank for us.
*/
-- Each item, when completed, must be a valid code (0 or 1); blanks are rule 182's and 544/547's.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.convicted NOT IN {{ codes('CONVICTED') }}
   OR o.health_check NOT IN {{ codes('HEALTH_CHECK') }}
   OR o.immunisations NOT IN {{ codes('IMMUNISATIONS') }}
   OR o.teeth_check NOT IN {{ codes('TEETH_CHECK') }}
   OR o.health_assessment NOT IN {{ codes('HEALTH_ASSESSMENT') }}
   OR o.substance_misuse NOT IN {{ codes('SUBSTANCE_MISUSE') }}
   OR o.intervention_received NOT IN {{ codes('INTERVENTION_RECEIVED') }}
   OR o.intervention_offered NOT IN {{ codes('INTERVENTION_OFFERED') }}
