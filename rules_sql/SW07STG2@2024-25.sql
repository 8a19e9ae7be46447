/*
code: SW07STG2
name: social_worker_episode_end_outside_reporting_period
message: Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2024/25-
stage: 2
differs_from_peer: >
  The reporting period starts a year before the collection year (1 April of the previous year).
  The peer subtracts numpy's average year (365.2425 days) from the collection start, which in
  2024/25 (a span with 29 February) puts the limit at 1 April 2023 18:10, so it flags an episode
  ending on 1 April 2023; we take the calendar date, 1 April 2023, as allowed.
*/
-- From 2024/25 the social worker reporting period starts a year before the collection year.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_dec < {{ previous_start }} OR s.sw_dec > {{ collection_end }}
