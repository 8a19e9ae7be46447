/*
code: '501'
name: episode_starts_before_previous_ended
message: A new episode has started before the end date of the previous episode.
fields: [DECOM, DEC]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  A DECOM or DEC with spaces around it is read as a date (staging trims spaces); the peer does not
  trim and treats it as not a date, which leaves the episode out of its comparison (or, for DEC,
  counts it as not ended). Ties on DECOM are broken by row, the later row being the later episode
  (episodes_seq); the peer's sort is not stable on ties.
*/
-- Each child's episodes in sequence (valid DECOM, ties by row); an episode is flagged when it
-- starts before the DEC of the episode just before it. A previous episode without a valid DEC
-- cannot be judged.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.prev_dec IS NOT NULL AND s.decom < s.prev_dec
