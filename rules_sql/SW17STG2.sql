/*
code: SW17STG2
name: no_social_worker_episode_open_at_year_end
message: There is no social worker episode open at 31 March
fields: [SW_DEC, SW_DECOM]
tables: [sw_episodes]
years: 2025/26-
stage: 2
differs_from_peer: >
  The child's latest episode is the one with the latest valid SW_DECOM (ties: the later row), as
  in SW08STG2; the peer's sort is not stable on ties, and for a child whose every SW_DECOM is blank
  or invalid it takes one of those rows as the latest (we flag none of them). The peer parses
  SW_DECOM with dayfirst guessing, so '2024-05-01' is a date to it and can be the latest. A SW_DEC
  of spaces only is blank (open) for us, an end date for the peer.
*/
-- DfE (as quoted by the peer): for the last episode (latest SW_DECOM), SW_DEC must be blank. An
-- invalid SW_DEC is still an end date given.
WITH rsw17stg2_ranked AS (
  SELECT s.row_no, s.child, s.sw_dec_raw,
         ROW_NUMBER() OVER (PARTITION BY s.child ORDER BY s.sw_decom DESC, s.row_no DESC) AS rsw17stg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, r.row_no, r.child
FROM rsw17stg2_ranked AS r
WHERE r.rsw17stg2_pos = 1 AND NOT ssda_is_blank(r.sw_dec_raw)
