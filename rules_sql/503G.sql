/*
code: '503G'
name: first_distance_differs_from_open_episode_last_year
message: The distance in first episode does not match open episode at end of last year.
fields: [PL_DISTANCE]
tables: [episodes_seq, episodes_seq_last, episode_places, episode_places_last]
years: 2023/24-
differs_from_peer: >
  Both years' PL_DISTANCE are derived with the same postcode file. As the peer, distances differ
  when they are 0.2 miles or more apart (the DfE derives last year's with last year's postcode
  data, whose centroids may move a little); compared in tenths, so 10.2 against 10.0 differs (in
  the peer's floating point 10.2 - 10.0 < 0.2 and does not). A blank distance on one side only
  differs either way round: the peer flags only last year's blank against this year's distance.
  DECOM ties are broken by row (first episode: the earlier row; last year's final episode: the later
  row), where the peer takes the first row either way; episodes with a blank or invalid DECOM are
  left out. Last year's final episode is open when its DEC is blank or not a valid date (the peer's
  452 reads only a blank DEC as open).
*/
-- When the child's final episode last year (latest valid DECOM) was still open, the child's first
-- episode this year (earliest valid DECOM) must have the same PL_DISTANCE, to less than 0.2 miles;
-- blank on one side only differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
JOIN episode_places AS fp ON fp.row_no = f.row_no
JOIN episode_places_last AS pp ON pp.row_no = p.row_no
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND (ABS(ROUND(fp.pl_distance * 10) - ROUND(pp.pl_distance * 10)) >= 2
       OR (fp.pl_distance IS NULL AND pp.pl_distance IS NOT NULL)
       OR (fp.pl_distance IS NOT NULL AND pp.pl_distance IS NULL))
