/*
code: SW10STG2
name: social_worker_episode_not_within_7_days_of_previous_end
message: A new social worker episode has started before the end date of the previous social worker episode.
fields: [SW_DECOM]
tables: [sw_episodes]
years: 2024/25-
stage: 2
differs_from_peer: >
  Episodes with a blank or invalid SW_DECOM are left out of the child's sequence and are not
  flagged (SW01/SW04STG1 report them); the peer sorts them last and flags them. From 2025/26 this
  is the same check as SW10aSTG2; both run, as in the peer and in rules.csv. FCONTA is matched
  case-sensitively after trimming; the peer upper-cases, so it exempts 'fconta' too.
*/
-- From 2024/25 an episode whose reason is first contact (FCONTA) is exempt; a blank reason is not.
-- Otherwise as 2023/24: SW_DECOM within 7 days either side of the previous episode's SW_DEC.
WITH rsw10stg2_seq AS (
  SELECT s.row_no, s.child, s.sw_decom, s.sw_reason,
         LAG(s.sw_dec) OVER (PARTITION BY s.child ORDER BY s.sw_decom,
             CASE WHEN s.sw_dec IS NULL THEN 1 ELSE 0 END, s.sw_dec, s.row_no) AS rsw10stg2_prev_dec,
         ROW_NUMBER() OVER (PARTITION BY s.child ORDER BY s.sw_decom,
             CASE WHEN s.sw_dec IS NULL THEN 1 ELSE 0 END, s.sw_dec, s.row_no) AS rsw10stg2_pos
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, q.row_no, q.child
FROM rsw10stg2_seq AS q
WHERE q.rsw10stg2_pos > 1
  AND (q.sw_reason IS NULL OR q.sw_reason <> 'FCONTA')
  AND (q.rsw10stg2_prev_dec IS NULL
       OR q.sw_decom < ssda_add_days(q.rsw10stg2_prev_dec, -7)
       OR q.sw_decom > ssda_add_days(q.rsw10stg2_prev_dec, 7))
