/*
code: '388'
name: x1_without_continuation_episode
message: Reason episode ceased is coded new episode begins, but there is no continuation episode.
fields: [REC]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  The next episode is the next in the child's sequence (valid DECOM, ties by row); the peer puts
  an episode with a blank or invalid DECOM first (as 01/01/1901) and pairs it too. The peer's
  rule 365 writes 31 March into every blank DEC of the shared data, so run in its installed order
  it flags every open latest episode with REC X1 (peer bug; research/peer.md: 1,081 rows installed against 21 isolated on its 2024/25 data);
  we match its isolated run. REC is trimmed and compared case-sensitively.
*/
-- Each ended episode (valid DEC): REC X1 means the next episode starts on the day it ends; an
-- episode followed by one starting on the day it ends must be X1; the latest episode cannot be X1.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.dec IS NOT NULL
  AND ((s.is_last = 0 AND s.rec = 'X1' AND s.dec <> s.next_decom)
       OR (s.is_last = 0 AND s.rec IS NOT NULL AND s.rec <> 'X1' AND s.dec = s.next_decom)
       OR (s.is_last = 1 AND s.rec = 'X1'))
