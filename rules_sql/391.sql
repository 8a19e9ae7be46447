/*
code: '391'
name: care_leaver_items_under_17
message: Young person was not 17, 18, 19, 20 or 21 during the current collection year.
fields: [DOB, IN_TOUCH, ACTIV, ACCOM]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  An item of only spaces is blank for us; the peer counts it as provided.
*/
-- DfE logic: DOB less than 17 years before the collection end (the 17th birthday is after 31
-- March) and any of IN_TOUCH, ACTIV or ACCOM provided. Age from OC3's DOB; an invalid DOB is not
-- judged.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE ssda_add_years(o.dob, 17) > {{ collection_end }}
  AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
