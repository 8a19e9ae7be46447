/*
code: '225'
name: reason_for_placement_change_missing
message: Reason for placement change must be recorded.
fields: [REASON_PLACE_CHANGE]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  The next episode is the next in the child's sequence (valid DECOM, ties by row); episodes with a
  blank or invalid DECOM take no part (the peer sorts them last and may pair them). Codes are
  trimmed and compared case-sensitively; the peer upper-cases values and keeps spaces.
  Measured on the synthetic returns: 762-789 rows flagged by both each year, 0-2 by the peer
  only, all pairing an episode with a next one whose DECOM is not a date.
*/
-- An episode that ended with REC X1 and is followed by a change of placement (the next episode's
-- RNE is P, B, T or U) must record the reason for the placement change, unless either placement
-- is temporary (T0-T4: rule 226 wants no reason there).
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.is_last = 0
  AND s.rec = 'X1' AND s.reason_place_change IS NULL
  AND s.next_rne IN ('P', 'B', 'T', 'U')
  AND (s.place IS NULL OR s.place NOT IN {{ codes('PLACE', 'temporary') }})
  AND (s.next_place IS NULL OR s.next_place NOT IN {{ codes('PLACE', 'temporary') }})
