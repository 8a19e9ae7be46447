/*
code: SW18STG2
name: social_worker_episode_ends_before_start
message: The end date of the social worker episode is before the start date
fields: [SW_DEC, SW_DECOM]
tables: [sw_episodes]
years: 2025/26-
stage: 2
differs_from_peer: >
  The peer parses dates with dayfirst guessing, so it also compares some text we treat as invalid
  (e.g. '2025-04-01'); we compare valid dd/mm/yyyy dates only.
*/
-- DfE (as quoted by the peer): where given, SW_DEC must be after SW_DECOM, so an episode ending on
-- the day it began is flagged too. Invalid dates are SW04STG1/SW05STG1's.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_dec <= s.sw_decom
