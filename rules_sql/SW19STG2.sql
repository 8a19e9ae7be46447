/*
code: SW19STG2
name: two_social_worker_episodes_start_same_day
message: There are 2 social worker episodes for the child starting on the same date.
fields: [SW_DEC, SW_DECOM]
tables: [sw_episodes]
years: 2025/26-
stage: 2
differs_from_peer: >
  Starts are compared as dates ('1/5/2025' and '01/05/2025' are the same day); the peer compares
  the text. Rows with a blank or invalid SW_DECOM are not compared (SW04STG1 reports them); the
  peer counts two equal texts, blank or invalid, as the same date.
*/
-- As the peer: every episode after the child's first (by row) with the same SW_DECOM is flagged.
WITH rsw19stg2_ranked AS (
  SELECT s.row_no, s.child,
         ROW_NUMBER() OVER (PARTITION BY s.child, s.sw_decom ORDER BY s.row_no) AS rsw19stg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, r.row_no, r.child
FROM rsw19stg2_ranked AS r
WHERE r.rsw19stg2_pos > 1
