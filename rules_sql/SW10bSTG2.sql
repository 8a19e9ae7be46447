/*
code: SW10bSTG2
name: first_contact_episode_starts_before_previous_ended
message: A new social worker episode has started with a reason of first contact before the previous episode has ended.
fields: [SW_DECOM, SW_REASON]
tables: [sw_episodes]
years: 2025/26-
stage: 2
differs_from_peer: >
  Episodes with a blank or invalid SW_DECOM are left out of the child's sequence (SW04STG1 reports
  them); the peer keeps them, sorted last. FCONTA is matched case-sensitively after trimming; the
  peer upper-cases, so it checks 'fconta' rows too.
*/
-- No DfE logic text is public; as the peer: an episode whose reason is first contact (FCONTA) must
-- start after the previous episode's SW_DEC (the same day fails). A previous episode with no valid
-- end date is not compared (SW10a/SW08 report it). Previous: as in SW10aSTG2.
WITH rsw10bstg2_seq AS (
  SELECT s.row_no, s.child, s.sw_decom, s.sw_reason,
         LAG(s.sw_dec) OVER (PARTITION BY s.child ORDER BY s.sw_decom,
             CASE WHEN s.sw_dec IS NULL THEN 1 ELSE 0 END, s.sw_dec, s.row_no) AS rsw10bstg2_prev_dec
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, q.row_no, q.child
FROM rsw10bstg2_seq AS q
WHERE q.sw_reason = 'FCONTA' AND q.sw_decom <= q.rsw10bstg2_prev_dec
