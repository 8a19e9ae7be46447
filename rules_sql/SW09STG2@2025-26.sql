/*
code: SW09STG2
name: social_worker_episode_shorter_than_a_day
message: Social worker episode appears to have lasted for less than 24 hours.
fields: [SW_DECOM, SW_DEC]
tables: [sw_episodes]
years: 2025/26-
stage: 2
differs_from_peer: >
  Follows the peer's 2025/26 version (no DfE logic text is public): an episode ending less than 3
  days after it began is flagged, including one that ends before it began (which SW18STG2 also
  reports). The peer parses dates with dayfirst guessing, so it also reads some text we treat as
  invalid (e.g. '2025-04-01'); we compare valid dd/mm/yyyy dates only.
*/
-- From 2025/26: SW_DEC must be at least 3 days after SW_DECOM. Both dates must be valid.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE ssda_days_between(s.sw_decom, s.sw_dec) < 3
