/*
code: '433'
name: continuation_episode_not_starting_when_previous_ended
message: The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.
fields: [RNE, DECOM]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  DECOM and the previous DEC are compared as dates; the peer compares the text, so it flags 1/4/2025
  after 01/04/2025 and accepts an invalid DEC equal to the DECOM text. Only episodes with a valid
  DECOM are sequenced (the peer also flags a continuation episode whose DECOM is blank or not a
  date); DECOM ties are broken by row (the peer by DEC). A previous DEC that is blank or not a date
  does not show the same day: flagged, as the peer does for a blank one. RNE is trimmed and compared
  case-sensitively; the peer upper-cases it but keeps spaces (p is P for it, 'P ' is not). Measured
  on the synthetic returns 2023/24-2026/27: 4-13 rows flagged by both per year, 1-2 by the peer only
  (all episodes whose DECOM is not a date).
*/
-- An episode that continues the period (RNE P, L, T, U or B: the year's reasons other than S)
-- must start on the day the previous episode (episodes_seq order) ended. The child's first
-- episode has no previous episode and is not checked.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.seq > 1
  AND s.rne IN {{ codes('RNE') }} AND s.rne <> 'S'
  AND (s.prev_dec IS NULL OR s.prev_dec <> s.decom)
