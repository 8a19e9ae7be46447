/*
code: '198'
name: sdq_reason_but_not_continuously_looked_after
message: Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.
fields: [SDQ_REASON]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  An SDQ_REASON of only spaces is blank for us (staging trims) and completed for the peer.
*/
-- An OC2 row whose child is not in the OC2 population (child_facts.continuously_looked_after; a
-- child with no episodes is not in it) must not carry a reason for no SDQ score.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
LEFT JOIN child_facts AS f ON f.child = o.child
WHERE o.sdq_reason IS NOT NULL
  AND COALESCE(f.continuously_looked_after, 0) = 0
