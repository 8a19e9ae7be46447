/*
code: SW01aSTG1
name: social_worker_episode_before_april_2023_incomplete
message: For each social worker episode, information should be complete
fields: [SW_DECOM, SW_ID]
tables: [sw_episodes]
years: 2024/25
stage: 1
differs_from_peer: >
  A SW_DECOM that is given but is not a valid date is not reported here (it was provided; rule
  SW04STG1 reports it); the peer reads it as missing and flags the row in SW01aSTG1 and SW01bSTG1
  as well. A value of spaces only counts as blank (staging trims); the peer counts it as given.
*/
-- Episodes that began before 1 April 2023 (when the social worker data began; a fixed date in the
-- DfE text) need SW_ID and SW_DECOM; SW_REASON may be blank. An episode without SW_DECOM cannot be
-- placed before or after that date and misses an item both SW01a and SW01b require, so both flag it.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE ssda_is_blank(s.sw_decom_raw)
   OR (s.sw_decom < ssda_date('2023-04-01') AND s.sw_id IS NULL)
