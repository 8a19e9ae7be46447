/*
code: '383'
name: no_return_to_normal_placement
message: A child in a temporary placement must subsequently return to his/her normal placement.
fields: [PLACE, RNE, PL_POST]
tables: [episodes_seq]
years: 2025/26-
differs_from_peer: >
  Episodes are in the child's sequence (valid DECOM, ties by row); the peer also sequences
  episodes with an invalid DECOM (last). Two blank values count as the same (the peer's pandas
  comparison treats two blanks as different and flags them). Codes are trimmed and compared
  case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- DfE: if the previous episode's PL is T0-T4 then the current episode's RNE must be P and it must
-- return to the placement before the temporary one (same PLACE and PL_POST). The episode after the
-- temporary one is flagged; a temporary placement with no episode before it is not judged.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
JOIN episodes_seq AS b ON b.child = s.child AND b.in_seq = 1 AND b.seq = s.seq - 2
WHERE s.in_seq = 1 AND s.prev_place IN {{ codes('PLACE', 'temporary') }}
  AND (s.rne IS NULL OR s.rne <> 'P'
       OR CASE WHEN s.place = b.place OR (s.place IS NULL AND b.place IS NULL) THEN 0 ELSE 1 END = 1
       OR CASE WHEN s.pl_post = b.pl_post OR (s.pl_post IS NULL AND b.pl_post IS NULL) THEN 0 ELSE 1 END = 1)
