/*
code: '437'
name: further_episodes_after_death_or_age_18
message: Reason episode ceased is child has died or is aged 18 or over but there are further episodes.
fields: [REC]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  A later episode is a later one in episodes_seq (valid DECOM, ties by row, the later row later);
  the peer also counts an episode whose DECOM is blank or not a date (it sorts it last) and leaves
  DECOM ties in no defined order. REC is trimmed and compared case-sensitively; the peer
  upper-cases it but keeps spaces (e2 is E2 for it, 'E2 ' is not).
*/
-- An episode that ended with the child's death (E2) or an age assessment finding the child 18 or
-- over (E15) must be the child's latest episode.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.rec IN ('E2', 'E15') AND s.in_seq = 1 AND s.is_last = 0
