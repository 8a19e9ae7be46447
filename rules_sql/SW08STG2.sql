/*
code: SW08STG2
name: previous_social_worker_episode_not_ended
message: A new social worker episode has started, but the previous episode has not ended.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24-
stage: 2
differs_from_peer: >
  The child's latest episode is the one with the latest valid SW_DECOM (ties: the later row).
  Episodes with a blank or invalid SW_DECOM are never the latest and are never flagged. The peer
  sorts the invalid SW_DECOM rows last and so takes one of them as the latest episode, which makes
  it flag the real latest (open) episode of such a child; its SW_DECOM ties fall to an unstable sort.
*/
-- Every episode except the child's latest (by SW_DECOM) must have an end date. An invalid SW_DEC
-- counts as not ended (as for rule 142).
WITH rsw08stg2_ranked AS (
  SELECT s.row_no, s.child, s.sw_dec,
         ROW_NUMBER() OVER (PARTITION BY s.child ORDER BY s.sw_decom DESC, s.row_no DESC) AS rsw08stg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, r.row_no, r.child
FROM rsw08stg2_ranked AS r
WHERE r.rsw08stg2_pos > 1 AND r.sw_dec IS NULL
