/*
code: '215'
name: care_leaver_with_oc2_items
message: Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.
fields: [IN_TOUCH, ACTIV, ACCOM, CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED]
tables: [oc2, oc3]
years: 2023/24-
differs_from_peer: >
  An item of only spaces is blank for us; the peer counts it as provided. CHILD is matched exactly
  ('012' is not '12'), as in the peer.
*/
-- A child with an OC3 row holding any care leaver item and an OC2 row holding any of the eight
-- OC2 items: both rows are flagged (every such row of the child in each table).
WITH r215_oc3 AS (
  SELECT c.row_no, c.child
  FROM oc3 AS c
  WHERE c.child IS NOT NULL
    AND (c.in_touch IS NOT NULL OR c.activ IS NOT NULL OR c.accom IS NOT NULL)
),
r215_oc2 AS (
  SELECT t.row_no, t.child
  FROM oc2 AS t
  WHERE t.child IS NOT NULL
    AND (t.convicted IS NOT NULL OR t.health_check IS NOT NULL OR t.immunisations IS NOT NULL
         OR t.teeth_check IS NOT NULL OR t.health_assessment IS NOT NULL
         OR t.substance_misuse IS NOT NULL OR t.intervention_received IS NOT NULL
         OR t.intervention_offered IS NOT NULL)
)
SELECT 'oc3' AS table_name, a.row_no, a.child
FROM r215_oc3 AS a
WHERE a.child IN (SELECT b.child FROM r215_oc2 AS b)
UNION ALL
SELECT 'oc2' AS table_name, b.row_no, b.child
FROM r215_oc2 AS b
WHERE b.child IN (SELECT a.child FROM r215_oc3 AS a)
