/*
code: SW02STG1
name: social_worker_id_prefix_not_valid
message: Social worker ID does not begin with the characters ‘SW’ or ‘XX’.
fields: [SW_ID]
tables: [sw_episodes]
years: 2025/26-
stage: 1
differs_from_peer: >
  The prefix is checked case-sensitively after trimming spaces ('sw123' is an error, ' SW99 ' is
  fine); the peer upper-cases every value but does not trim.
*/
-- From 2025/26 the ID must also go on after the prefix: fewer than 4 characters in all (e.g.
-- 'SW', 'XX1') is an error. No DfE logic text is public; the length follows the peer's 2025/26
-- version. A blank SW_ID is flagged too.
SELECT 'sw_episodes' AS table_name, s.row_no, s.child
FROM sw_episodes AS s
WHERE s.sw_id IS NULL
   OR SUBSTRING(s.sw_id, 1, 2) NOT IN ('SW', 'XX')
   OR ssda_len(s.sw_id) < 4
