/*
code: '157'
name: sdq1_reason_for_child_aged_4_to_16
message: Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.
fields: [SDQ_REASON, DOB]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  "16 years or under at the end of the year" is read as the DfE says: under 17 on 31 March (the
  17th birthday after 31 March), the bound rule 186 uses. The peer requires the 16th birthday to
  be on or after 31 March, so it misses a child who is 16 on 31 March (flagged by us only). Like
  the peer we read the message's "or" as "and" (4 or over on 1 April and 16 or under on 31
  March: the ages SDQ1, "aged under 4 or over 16", does not fit), only for children in the OC2
  population, and only when there is no SDQ score. SDQ1 is compared case-sensitively after
  trimming ('sdq1' is not SDQ1, 'SDQ1 ' is); the peer upper-cases values but does not trim.
*/
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ssda_add_years(o.dob, 4) <= {{ collection_start }}
  AND ssda_add_years(o.dob, 17) > {{ collection_end }}
  AND o.sdq_score IS NULL
  AND o.sdq_reason = 'SDQ1'
