/*
code: '545'
name: health_check_missing_aged_under_5
message: Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.
fields: [DOB, HEALTH_CHECK]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  A HEALTH_CHECK of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- DfE logic: DOB less than 5 years before 31 March (5th birthday after it), child in the OC2
-- population (child_facts.continuously_looked_after); age from OC2's DOB. An invalid DOB is not judged.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ssda_add_years(o.dob, 5) > {{ collection_end }}
  AND o.health_check IS NULL
