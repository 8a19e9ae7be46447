/*
code: '197B'
name: sdq_missing_for_child_turning_4_or_17
message: SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.
fields: [SDQ_REASON, DOB]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- As the peer reads it: a child in the OC2 population whose 4th or 17th birthday (from OC2's DOB)
-- falls in the collection year, 1 April to 31 March inclusive, needs an SDQ score or a reason.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ((ssda_add_years(o.dob, 4) >= {{ collection_start }} AND ssda_add_years(o.dob, 4) <= {{ collection_end }})
       OR (ssda_add_years(o.dob, 17) >= {{ collection_start }} AND ssda_add_years(o.dob, 17) <= {{ collection_end }}))
  AND o.sdq_score IS NULL AND o.sdq_reason IS NULL
