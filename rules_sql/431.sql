/*
code: '431'
name: started_to_be_looked_after_when_previous_ended_same_day
message: The reason for new episode is started to be looked after, but the previous episode ended on the same day.
fields: [RNE, DECOM]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  The previous episode is the one before in episodes_seq (valid DECOM order, ties by row, the
  later row later); the peer's sort leaves DECOM ties in no defined order. RNE is trimmed and
  compared case-sensitively; the peer upper-cases every value but keeps spaces, so s is S for it
  and 'S ' is not (the reverse for us).
*/
-- A new period of care (RNE S) must start after the previous episode ended: an episode with RNE
-- S that starts on or before the previous episode's DEC is flagged (starting before it is also rule
-- 501's error). A previous episode without a valid DEC cannot be judged.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.rne = 'S' AND s.prev_dec IS NOT NULL AND s.decom <= s.prev_dec
