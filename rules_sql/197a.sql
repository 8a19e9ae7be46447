/*
code: '197a'
name: sdq_reason_with_score
message: Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.
fields: [SDQ_SCORE, SDQ_REASON]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us and completed for the peer.
*/
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.sdq_score IS NOT NULL
  AND o.sdq_reason IS NOT NULL
