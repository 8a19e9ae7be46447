/*
code: '503J'
name: first_placement_location_differs_from_open_episode_last_year
message: The placement location in first episode does not match open episode at end of last year.
fields: [PL_LOCATION]
tables: [episodes_seq, episodes_seq_last, episode_places, episode_places_last]
years: 2023/24-
differs_from_peer: >
  Both years' PL_LOCATION are derived against the council's own area (--la) with the same postcode
  file. A blank PL_LOCATION on one side only differs, as in the peer.
  DECOM ties are broken by row (first episode: the earlier row; last year's final episode: the later
  row), where the peer takes the first row either way; episodes with a blank or invalid DECOM are
  left out. Last year's final episode is open when its DEC is blank or not a valid date (the peer's
  452 reads only a blank DEC as open).
*/
-- When the child's final episode last year (latest valid DECOM) was still open, the child's first
-- episode this year (earliest valid DECOM) must have the same PL_LOCATION; blank on one side only
-- differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
JOIN episode_places AS fp ON fp.row_no = f.row_no
JOIN episode_places_last AS pp ON pp.row_no = p.row_no
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND (fp.pl_location <> pp.pl_location
       OR (fp.pl_location IS NULL AND pp.pl_location IS NOT NULL)
       OR (fp.pl_location IS NOT NULL AND pp.pl_location IS NULL))
