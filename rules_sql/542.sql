/*
code: '542'
name: conviction_completed_under_10
message: A child aged under 10 at 31 March should not have conviction information completed.
fields: [CONVICTED]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  A CONVICTED of only spaces is blank for us and completed for the peer.
*/
-- Under 10 on 31 March: the 10th birthday is after the collection end. Age from OC2's DOB (an
-- invalid DOB is not judged); any CONVICTED value, 0 included, is conviction information.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE ssda_add_years(o.dob, 10) > {{ collection_end }}
  AND o.convicted IS NOT NULL
