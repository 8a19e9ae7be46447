/*
code: SW01bSTG1
name: social_worker_episode_from_april_2023_incomplete
message: For each social worker episode, information should be complete
fields: [SW_DECOM, SW_ID, SW_REASON]
tables: [sw_episodes]
years: 2024/25
stage: 1
differs_from_peer: >
  A SW_DECOM that is given but is not a valid date is not reported here (it was provided; rule
  SW04STG1 reports it); the peer reads it as missing and flags the row in SW01aSTG1 and SW01bSTG1
  as well. A value of spaces only counts as blank (staging trims); the peer counts it as given.
*/
-- Episodes that began on or after 1 April 2023 need SW_ID, SW_DECOM and SW_REASON. An episode
-- without SW_DECOM is flagged by both SW01a and SW01b (see SW01aSTG1).
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE ssda_is_blank(s.sw_decom_raw)
   OR (s.sw_decom >= ssda_date('2023-04-01') AND (s.sw_id IS NULL OR s.sw_reason IS NULL))
