/*
code: '543'
name: convicted_missing_aged_10_or_over
message: Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.
fields: [DOB, CONVICTED]
tables: [oc2, child_facts]
years: 2023/24-
differs_from_peer: >
  "Aged 10 or over at 31 March" includes a child whose 10th birthday is 31 March (the DfE logic:
  DOB at least 10 years before the collection end); the peer requires the 10th birthday to be
  before 31 March, so such a child is flagged by us only. A CONVICTED of only spaces is blank for
  us (staging trims) and completed for the peer.
*/
-- Age from OC2's DOB; the population is child_facts.continuously_looked_after.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND ssda_add_years(o.dob, 10) <= {{ collection_end }}
  AND o.convicted IS NULL
