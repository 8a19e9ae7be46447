/*
code: '153'
name: care_leaver_items_partly_completed
message: All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  An item of only spaces is blank for us; the peer counts it as coded.
*/
-- IN_TOUCH, ACTIV and ACCOM all completed, or all blank; anything in between is flagged.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE (o.in_touch IS NULL OR o.activ IS NULL OR o.accom IS NULL)
  AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
