/*
code: SW09STG2
name: social_worker_episode_shorter_than_a_day
message: Social worker episode appears to have lasted for less than 24 hours.
fields: [SW_DECOM, SW_DEC]
tables: [sw_episodes]
years: 2023/24-2024/25
stage: 2
differs_from_peer: >
  The dates are compared as dates; the peer compares the text, so '1/5/2024' and '01/05/2024' are
  different days to it and two blank dates are never equal.
*/
-- Dates have no time of day, so an episode that ends on the day it began lasted less than 24 hours.
-- Only episodes with both dates valid are compared.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_dec = s.sw_decom
