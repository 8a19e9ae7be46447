/*
code: SW07STG2
name: social_worker_episode_end_outside_reporting_period
message: Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24
stage: 2
*/
-- In 2023/24, the first year of the social worker data, the reporting period is the collection
-- year: an episode must end within it. Blank or invalid end dates are not compared (SW05STG1).
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_dec < {{ collection_start }} OR s.sw_dec > {{ collection_end }}
