/*
code: '234'
name: custody_placement_change_under_10
message: A child aged under 10 can not change placement due to being admitted to custody
fields: [REASON_PLACE_CHANGE, DOB]
tables: [episodes_seq, header]
years: 2025/26-
differs_from_peer: >
  The DfE text reads the previous episode's reason: an episode starting before the 10th birthday
  cannot follow one that ended with REASON_PLACE_CHANGE CUSTOD. We flag that previous episode
  (which holds the reason) and the Header row; the peer compares each episode's own DECOM and
  reason, so it also flags a child's latest episode (nothing follows it) and misses a child who
  turned 10 between the two start dates. Codes are compared case-sensitively after trimming.
  Measured on the peer's 2025/26 data: 166 rows flagged by both, 58 by the peer only.
*/
-- DfE: if DECOM < DOB + 10 years then the previous episode's REASON_PLACE_CHANGE cannot be
-- CUSTOD. Episodes in the child's sequence (valid DECOM, ties by row); a 29 February child's
-- birthday is 28 February.
SELECT 'episodes' AS table_name, s.prev_row_no AS row_no, s.child
FROM episodes_seq AS s
WHERE s.prev_reason_place_change = 'CUSTOD'
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = s.child AND s.decom < ssda_add_years(h.dob, 10))
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE EXISTS (SELECT 1 FROM episodes_seq AS s
              WHERE s.child = h.child AND s.prev_reason_place_change = 'CUSTOD'
                AND s.decom < ssda_add_years(h.dob, 10))
