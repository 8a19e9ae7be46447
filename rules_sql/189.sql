/*
code: '189'
name: sdq_completed_aged_17_or_over
message: Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.
fields: [DOB, SDQ_SCORE, SDQ_REASON]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  A value of only spaces is blank for us and completed for the peer.
*/
-- DfE logic: DOB more than 17 years before the collection start, i.e. the 17th birthday is before
-- 1 April (a child turning 17 on 1 April itself is not flagged, as in the peer). Age from OC2's DOB.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE ssda_add_years(o.dob, 17) < {{ collection_start }}
  AND (o.sdq_score IS NOT NULL OR o.sdq_reason IS NOT NULL)
