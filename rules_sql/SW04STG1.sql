/*
code: SW04STG1
name: social_worker_episode_start_date_not_valid
message: Date social worker episode began is not a valid date..
fields: [SW_DECOM]
tables: [sw_episodes]
years: 2023/24-
fix: {kind: date, field: SW_DECOM}
stage: 1
differs_from_peer: >
  The peer has two versions (2023/24 and 2025/26) that differ only in how they parse: its
  2023/24-2024/25 version accepts ZZ for an unknown day, month or year (meant for DATE_PERM), so
  'ZZ/04/2024' passes there. A social worker episode start is a real date, so we reject ZZ in every
  year: one version, unchanged logic and message. A date with spaces around it is read as that
  date (staging trims); the peer reports it as invalid.
*/
-- A blank SW_DECOM is not reported here (SW01/SW03 ask for it); text that is not a dd/mm/yyyy date is.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_decom IS NULL AND NOT ssda_is_blank(s.sw_decom_raw)
