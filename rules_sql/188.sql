/*
code: '188'
name: sdq_completed_under_4
message: Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.
fields: [SDQ_SCORE, SDQ_REASON]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us and completed for the peer.
*/
-- Under 4 on 31 March: the 4th birthday (a 29 February child's falls on 28 February in a common
-- year) is after the collection end. The age is from OC2's DOB, as the peer; an invalid DOB is
-- not judged.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE ssda_add_years(o.dob, 4) > {{ collection_end }}
  AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL)
