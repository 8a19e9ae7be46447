/*
code: SW02STG1
name: social_worker_id_prefix_not_valid
message: Social worker ID does not begin with the characters ‘SW’ or ‘XX’.
fields: [SW_ID]
tables: [sw_episodes]
years: 2023/24-2024/25
stage: 1
differs_from_peer: >
  The prefix is checked case-sensitively after trimming spaces ('sw123' is an error, ' SW99 ' is
  fine); the peer upper-cases every value but does not trim.
*/
-- A blank SW_ID does not begin with SW or XX either, so it is flagged (as the peer does).
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_id IS NULL OR SUBSTRING(s.sw_id, 1, 2) NOT IN ('SW', 'XX')
