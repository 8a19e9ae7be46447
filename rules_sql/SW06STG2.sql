/*
code: SW06STG2
name: social_worker_episode_starts_after_collection_year
message: Social worker episode data should be within the social worker data reporting year.
fields: [SW_DECOM]
tables: [sw_episodes]
years: 2023/24-
stage: 2
*/
-- Episodes that began before the year are reported (they were open in it), so only a start after
-- the collection end is outside the reporting year. Blank or invalid starts are SW01/SW03/SW04's.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_decom > {{ collection_end }}
