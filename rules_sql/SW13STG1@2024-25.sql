/*
code: SW13STG1
name: social_worker_change_reason_not_valid
message: The reason for social worker change is not valid.
fields: [SW_REASON]
tables: [sw_episodes]
years: 2024/25-
fix: {kind: code, field: SW_REASON}
stage: 1
differs_from_peer: >
  Codes are compared case-sensitively after trimming; the peer upper-cases but does not trim, so
  it passes 'fconta' and fails 'MANAGE '. The
  peer parses SW_DECOM without a fallback, so one invalid SW_DECOM anywhere makes its rule raise
  and flag nothing; we check every row, and a blank reason on a row whose SW_DECOM is blank or
  invalid is not flagged (its date cannot place it).
*/
-- From 2024/25 a blank reason is allowed for episodes that began before 1 April 2023 (when the
-- social worker data began); a given reason must always be valid.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE (s.sw_reason IS NOT NULL AND s.sw_reason NOT IN {{ codes('SW_REASON') }})
   OR (s.sw_reason IS NULL AND s.sw_decom >= ssda_date('2023-04-01'))
