/*
code: SW03STG1
name: social_worker_episode_incomplete
message: For each social worker episode, information should be complete.
fields: [SW_ID, SW_DECOM, SW_REASON]
tables: [sw_episodes]
years: 2023/24
stage: 1
differs_from_peer: >
  A value of spaces only counts as blank (staging trims); the peer counts it as given.
*/
-- Every episode needs SW_ID, SW_DECOM and SW_REASON. A SW_DECOM that is given but not a valid
-- date is SW04STG1's to report, not a missing item (as the peer does).
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_id IS NULL OR ssda_is_blank(s.sw_decom_raw) OR s.sw_reason IS NULL
