/*
code: '336'
name: adoption_with_current_carers_not_after_foster_placement
message: Child does not have a foster placement immediately prior to being placed for adoption.
fields: [PLACE]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  The DfE text checks placements for adoption with current foster carers, A3 and A5; the peer
  checks A3 and A4 (peer bug: A4 is with other carers, and its own comment quotes A3 or A5). The
  previous episode is the previous in the child's sequence (valid DECOM, ties by row; the peer's
  DECOM sort is not stable on ties). Codes are trimmed and compared case-sensitively.
  Measured on the peer's 2025/26 data: 47 rows flagged by both, 62 by the peer only (all A4),
  65 by us only (all A5).
  The peer's rule raises, and flags nothing, when any child has no episode with a valid DECOM.
*/
-- DfE: where PL = A3 or A5, the previous episode's PL must be one of A3-A6 or U1-U6. The child's
-- first episode has no previous episode and is not judged.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.is_first = 0
  AND s.place IN {{ codes('PLACE', 'adoption_with_current_carers') }}
  AND (s.prev_place IS NULL
       OR (s.prev_place NOT IN {{ codes('PLACE', 'placed_for_adoption') }}
           AND s.prev_place NOT IN {{ codes('PLACE', 'foster') }}))
