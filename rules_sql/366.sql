/*
code: '366'
name: respite_episode_reason_not_s
message: A child cannot change placement during the course of an individual short-term respite break.
fields: [RNE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer keeps spaces (flags RNE 'S ', misses
  LS 'V3 ') and upper-cases values.
*/
-- Each individual short break (LS V3) is an episode of its own, so it must start with RNE S.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'V3' AND (e.rne IS NULL OR e.rne <> 'S')
