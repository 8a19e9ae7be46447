/*
code: SW01STG1
name: looked_after_at_31_march_without_social_worker
message: Child looked after on 31 March, but no social worker episode information is reported
fields: [DEC]
tables: [episodes_seq, sw_episodes]
years: 2023/24
stage: 1
differs_from_peer: >
  As the DfE defines it, a child is looked after on 31 March when its current (latest) episode
  has no DEC and LS is not V3 or V4; that episode is flagged unless the child's social worker
  episodes give at least one SW_ID, one SW_DECOM and one SW_REASON. The peer flags every episode
  with a blank DEC, not only the latest, and flags it whenever any one of the child's social
  worker rows lacks an item (not "at least one instance of each"), and it reports these episode
  rows under the SWEpisodes table. A DEC that is not a valid date counts as no DEC (rule 1006
  reports it); the peer counts it as given.
*/
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.is_last = 1 AND s.dec IS NULL
  AND (s.ls IS NULL OR s.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND (NOT EXISTS (SELECT 1 FROM sw_episodes AS w WHERE w.child = s.child AND w.sw_id IS NOT NULL)
       OR NOT EXISTS (SELECT 1 FROM sw_episodes AS w
                      WHERE w.child = s.child AND NOT ssda_is_blank(w.sw_decom_raw))
       OR NOT EXISTS (SELECT 1 FROM sw_episodes AS w WHERE w.child = s.child AND w.sw_reason IS NOT NULL))
