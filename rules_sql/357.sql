/*
code: '357'
name: first_episode_reason_not_s
message: >-
  If this is the first episode ever for this child, reason for new episode must be S. Check
  whether there is an episode immediately preceding this one, which has been left out. If not the
  reason for new episode code must be amended to S.
fields: [RNE]
tables: [episodes_seq]
years: 2023/24-
severity: query
differs_from_peer: >
  The first episode is the earliest by valid DECOM, ties by row (the peer's idxmin takes the
  earlier row too). RNE is trimmed and compared case-sensitively; the peer keeps spaces (flags
  'S ').
*/
-- The child's first episode, when it starts in the collection year (an earlier one may continue a
-- period reported last year), must have RNE S.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.is_first = 1 AND s.decom >= {{ collection_start }}
  AND (s.rne IS NULL OR s.rne <> 'S')
