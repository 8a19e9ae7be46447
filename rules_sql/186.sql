/*
code: '186'
name: sdq_missing_when_continuously_looked_after
message: Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.
fields: [SDQ_SCORE]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- As the peer (its fix "598-fix-186" counts a reason for no SDQ as an answer): a child in the OC2
-- population aged 4 or over on 1 April and under 17 on 31 March (ages from OC2's DOB) needs an
-- SDQ_SCORE or an SDQ_REASON.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ssda_add_years(o.dob, 4) <= {{ collection_start }}
  AND ssda_add_years(o.dob, 17) > {{ collection_end }}
  AND o.sdq_score IS NULL AND o.sdq_reason IS NULL
