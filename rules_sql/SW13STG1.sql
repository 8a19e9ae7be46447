/*
code: SW13STG1
name: social_worker_change_reason_not_valid
message: The reason for social worker change is either not valid or has not been entered.
fields: [SW_REASON]
tables: [sw_episodes]
years: 2023/24
fix: {kind: code, field: SW_REASON}
stage: 1
differs_from_peer: >
  Codes are compared case-sensitively after trimming ('fconta' is not valid, 'MANAGE ' is); the
  peer upper-cases but does not trim, so it passes 'fconta' and fails 'MANAGE '.
*/
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_reason IS NULL OR s.sw_reason NOT IN {{ codes('SW_REASON') }}
