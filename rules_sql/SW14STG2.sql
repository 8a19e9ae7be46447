/*
code: SW14STG2
name: earlier_social_worker_episode_end_blank
message: Social worker episode date ceased is blank.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24
stage: 2
differs_from_peer: >
  The child's latest episode is the one with the latest valid SW_DECOM (ties: the later row), as
  in SW08STG2; the peer ranks an episode with a blank or invalid SW_DECOM as the latest, and so
  flags the real latest (open) episode of such a child. Only a blank SW_DEC is flagged, as the
  message says; an invalid one is SW05STG1's (the peer flags both).
*/
-- Every episode except the child's latest must have an end date.
WITH rsw14stg2_ranked AS (
  SELECT s.row_no, s.child, s.sw_dec_raw,
         ROW_NUMBER() OVER (PARTITION BY s.child ORDER BY s.sw_decom DESC, s.row_no DESC) AS rsw14stg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, r.row_no, r.child
FROM rsw14stg2_ranked AS r
WHERE r.rsw14stg2_pos > 1 AND ssda_is_blank(r.sw_dec_raw)
