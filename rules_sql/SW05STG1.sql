/*
code: SW05STG1
name: social_worker_episode_end_date_not_valid
message: Date social worker episode began is not a valid date.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24-
fix: {kind: date, field: SW_DEC}
stage: 1
differs_from_peer: >
  The DfE message speaks of the start date but the rule checks SW_DEC, the end date (as the peer
  does); the message is kept verbatim. The peer's 2023/24 version also accepts ZZ parts (see
  SW04STG1); we do not, so one version covers every year. A date with spaces around it is read as
  that date and spaces alone are blank (staging trims); the peer reports both as invalid.
*/
-- SW_DEC is blank while the episode is open, so only given text that is not a valid date is flagged.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_dec IS NULL AND NOT ssda_is_blank(s.sw_dec_raw)
