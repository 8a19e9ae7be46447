/*
code: '142'
name: previous_episode_not_ended
message: A new episode has started, but the previous episode has not ended.
fields: [DEC, REC]
tables: [episodes]
years: 2023/24-2026/27
differs_from_peer: >
  Episodes with a blank or invalid DECOM take no part in deciding which episode is the child's
  latest (the peer ranks them as the latest, so it flags the real latest episode when it is open),
  and DECOM ties are broken by row, the later row being the latest (the peer's sort is not stable
  on ties). Measured on a 10,000-child synthetic return: 11 rows flagged by both, 6 by the peer
  only, all of these two kinds.
*/
-- Every episode except the child's latest (by DECOM) must have both DEC and REC.
WITH r142_ranked AS (
  SELECT e.row_no, e.child, e.dec, e.rec, e.decom,
         ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom DESC, e.row_no DESC) AS r142_pos
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
)
SELECT 'episodes' AS table_name, r.row_no, r.child
FROM r142_ranked AS r
WHERE r.r142_pos > 1 AND (r.dec IS NULL OR r.rec IS NULL)
