/*
code: '546'
name: health_check_given_aged_5_or_over
message: Children aged 5 or over at 31 March should not have health promotion information completed.
fields: [DOB, HEALTH_CHECK]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  A HEALTH_CHECK of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- DfE logic: DOB at least 5 years before 31 March (5th birthday on or before it), child in the
-- OC2 population (child_facts.continuously_looked_after); age from OC2's DOB.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ssda_add_years(o.dob, 5) <= {{ collection_end }}
  AND o.health_check IS NOT NULL
