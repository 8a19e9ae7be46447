/*
code: '453'
name: first_distance_contradicts_last_year
message: Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.
fields: [PL_DISTANCE]
tables: [episodes_seq, episodes_seq_last, episode_places, episode_places_last]
years: 2023/24-
differs_from_peer: >
  Both years' PL_DISTANCE are derived with the same postcode file. As the peer, distances differ
  when they are 0.2 miles or more apart (the DfE derives last year's with last year's postcode
  data, whose centroids may move a little); compared in tenths, so 10.2 against 10.0 differs (in
  the peer's floating point 10.2 - 10.0 < 0.2 and does not). A blank distance on one side only
  differs either way round: the peer flags only last year's blank against this year's distance.
  As the peer, the two episodes are compared only when they have the same RNE.
  DECOM ties are broken by row (first episode: the earlier row; last year's final episode: the later
  row), where the peer takes the first row either way; episodes with a blank or invalid DECOM are
  left out. Last year's final episode is open when its DEC is blank or not a valid date (the peer's
  452 reads only a blank DEC as open).
  RNE is compared case-sensitively after trimming; the peer upper-cases every value first.
*/
-- When the child's final episode last year (latest valid DECOM) was still open, the child's first
-- episode this year (earliest valid DECOM) with the same RNE must have the same PL_DISTANCE, to
-- less than 0.2 miles; blank on one side only differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
JOIN episode_places AS fp ON fp.row_no = f.row_no
JOIN episode_places_last AS pp ON pp.row_no = p.row_no
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND f.rne = p.rne
  AND (ABS(ROUND(fp.pl_distance * 10) - ROUND(pp.pl_distance * 10)) >= 2
       OR (fp.pl_distance IS NULL AND pp.pl_distance IS NOT NULL)
       OR (fp.pl_distance IS NOT NULL AND pp.pl_distance IS NULL))
