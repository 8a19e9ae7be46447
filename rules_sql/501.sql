/*
code: '501'
name: episode_starts_before_previous_ended
message: A new episode has started before the end date of the previous episode.
fields: [DECOM, DEC]
tables: [episodes]
years: 2023/24-2026/27
*/
-- Each child's episodes in DECOM order (ties by row_no); an episode is flagged when it starts
-- before the DEC of the episode just before it. Episodes without a valid DECOM take no part in
-- the sequence; a previous episode without a valid DEC cannot be judged.
WITH r501_seq AS (
  SELECT e.row_no, e.child, e.decom,
         LAG(e.dec) OVER (PARTITION BY e.child ORDER BY e.decom, e.row_no) AS r501_prev_dec
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
)
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM r501_seq AS s
WHERE s.r501_prev_dec IS NOT NULL AND s.decom < s.r501_prev_dec
