/*
code: '348'
name: care_leaver_previously_reported_died
message: Care leaver has previously been reported as having died.
fields: [IN_TOUCH]
tables: [oc3, oc3_last]
years: 2025/26-
differs_from_peer: >
  IN_TOUCH and CHILD are trimmed and compared case-sensitively ('died' is not DIED); the peer keeps
  spaces, so it reads 'DIED ' last year as not died.
*/
-- An OC3 row for a care leaver whose OC3 row last year had IN_TOUCH DIED, when this year's
-- IN_TOUCH is anything but DIED (blank included).
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE (o.in_touch IS NULL OR o.in_touch <> 'DIED')
  AND EXISTS (SELECT 1 FROM oc3_last AS l WHERE l.child = o.child AND l.in_touch = 'DIED')
