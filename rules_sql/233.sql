/*
code: '233'
name: reason_for_placement_change_on_open_episode
message: Reason for placement change is not required when the episode has not ceased.
fields: [REASON_PLACE_CHANGE]
tables: [episodes]
years: 2025/26-
differs_from_peer: >
  The peer reads a column DATE_EPISODE_CEASED that the Episodes table does not have, so the rule
  raises and never flags anything (peer bug); we apply the DfE text to DEC. A DEC that is given
  but is not a date is not "null" and is left to the date rules.
  Measured: 932-941 rows on the synthetic 2025/26 and 2026/27 returns, 777 on the peer's data,
  all ours only.
*/
-- DfE: if DATE_EPISODE_CEASED (DEC) is null then REASON_PLACE_CHANGE should be null.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE ssda_is_blank(e.dec_raw) AND e.reason_place_change IS NOT NULL
