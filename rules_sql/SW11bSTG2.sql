/*
code: SW11bSTG2
name: social_worker_episode_ended_at_year_end_without_successor
message: Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24-
stage: 2
differs_from_peer: >
  We flag the child's latest episode (latest valid SW_DECOM, ties: the later row, as SW08STG2)
  when it ended in the last 5 days of the year. The peer also flags a row with a blank SW_DECOM
  that follows such an episode (we flag the episode itself: its SW_DEC is the affected field), and
  an episode ending in the window that does have a successor when the episode before it began
  before that end (a side effect of its reverse-sorted pairing). Measured on the synthetic returns
  of 2023/24-2026/27 (3,000 children each): 15 rows flagged by both, 25 by the peer only, every one
  an episode that has a later episode.
*/
-- No DfE logic text is public. As the peer reads it: an episode ending in the last 5 days of the
-- collection year (26 to 31 March inclusive) must be followed by another episode (of any start).
WITH rsw11bstg2_ranked AS (
  SELECT s.row_no, s.child, s.sw_dec,
         ROW_NUMBER() OVER (PARTITION BY s.child ORDER BY s.sw_decom DESC, s.row_no DESC) AS rsw11bstg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, r.row_no, r.child
FROM rsw11bstg2_ranked AS r
WHERE r.rsw11bstg2_pos = 1
  AND r.sw_dec >= ssda_add_days({{ collection_end }}, -5) AND r.sw_dec <= {{ collection_end }}
