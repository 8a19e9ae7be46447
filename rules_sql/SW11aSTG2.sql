/*
code: SW11aSTG2
name: social_worker_episode_ended_without_successor
message: Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.
fields: [SW_DEC]
tables: [sw_episodes]
years: 2023/24
stage: 2
differs_from_peer: >
  We flag the episode that ended (the affected field is SW_DEC). The peer flags the following
  row instead, and so never flags a child's last episode ending early with nothing after it (its
  author's commit calls the rule "not currently working"). The peer also takes episodes ending on
  the 6th-last day of the year (26 March) here and in SW11bSTG2; we leave them to SW11bSTG2.
  Episodes with a blank or invalid SW_DECOM are out of the sequence, so they are no successor.
  On an error-heavy 2023/24 return: 2 rows flagged by both, 137 by the peer only (following rows),
  249 by us only (the ended episodes).
*/
-- No DfE logic text is public. As the peer reads it: an episode that ended more than 5 days before
-- the collection end needs a next episode starting within 5 days either side of that end (the next
-- by SW_DECOM, ties: the one ending first, an open or invalid end last, then by row). SW11bSTG2
-- covers episodes ending in the last 5 days.
WITH rsw11astg2_seq AS (
  SELECT s.row_no, s.child, s.sw_dec,
         LEAD(s.sw_decom) OVER (PARTITION BY s.child ORDER BY s.sw_decom,
             CASE WHEN s.sw_dec IS NULL THEN 1 ELSE 0 END, s.sw_dec, s.row_no) AS rsw11astg2_next_decom
  FROM sw_episodes AS s
  WHERE s.child IS NOT NULL AND s.sw_decom IS NOT NULL
)
SELECT 'sw_episodes' AS table_name, q.row_no, q.child
FROM rsw11astg2_seq AS q
WHERE q.sw_dec < ssda_add_days({{ collection_end }}, -5)
  AND (q.rsw11astg2_next_decom IS NULL
       OR q.rsw11astg2_next_decom < ssda_add_days(q.sw_dec, -5)
       OR q.rsw11astg2_next_decom > ssda_add_days(q.sw_dec, 5))
