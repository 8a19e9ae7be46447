/*
code: '226'
name: reason_for_placement_change_for_temporary_placement
message: Reason for placement change is not required.
fields: [REASON_PLACE_CHANGE, PLACE]
tables: [episodes_seq]
years: 2023/24-2024/25
differs_from_peer: >
  The previous episode is the previous in the child's sequence (valid DECOM, ties by row); an
  episode with a blank or invalid DECOM is judged on its own reason only (the peer sorts it last
  and reads the reason of the episode before it). PLACE is trimmed and compared case-sensitively;
  the peer upper-cases values and keeps spaces.
*/
-- DfE: if PL = T0, T1, T2, T3 or T4 then REASON_PLACE_CHANGE should be null in the current
-- episode and in the episode before it. Flags the temporary placement.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.place IN {{ codes('PLACE', 'temporary') }}
  AND (s.reason_place_change IS NOT NULL OR s.prev_reason_place_change IS NOT NULL)
