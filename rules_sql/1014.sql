/*
code: '1014'
name: uasc_info_for_care_leaver
message: UASC information is not required for care leavers
fields: [ACTIV, ACCOM, IN_TOUCH, DUC]
tables: [episodes, uasc, oc3]
years: 2023/24-
differs_from_peer: >
  A child with no episode row at all is a care leaver too (not looked after during the year); the
  peer only looks at children with at least one episode row. Codes are not compared here.
*/
-- A care leaver here is a child with care leaver information (an OC3 row giving any of IN_TOUCH,
-- ACTIV or ACCOM) and no episode during the year (an episode with a valid DECOM on or before
-- 31 March and a DEC on or after 1 April, or none valid). Such a child should have no UASC
-- information: flags the child's UASC rows and those OC3 rows. (The same "looked after during the
-- year" fact serves rule 628; it is computed in each rule.)
WITH r1014_leavers AS (
  SELECT o.row_no, o.child
  FROM oc3 AS o
  WHERE (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM episodes AS e
                    WHERE e.child = o.child AND e.decom <= {{ collection_end }}
                      AND (e.dec IS NULL OR e.dec >= {{ collection_start }}))
)
SELECT 'uasc' AS table_name, u.row_no, u.child
FROM uasc AS u
WHERE EXISTS (SELECT 1 FROM r1014_leavers AS l WHERE l.child = u.child)
UNION ALL
SELECT 'oc3' AS table_name, l.row_no, l.child
FROM r1014_leavers AS l
WHERE EXISTS (SELECT 1 FROM uasc AS u WHERE u.child = l.child)
