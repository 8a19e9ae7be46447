/*
code: '503H'
name: first_placement_la_differs_from_open_episode_last_year
message: The placement LA in first episode does not match open episode at end of last year.
fields: [PL_LA]
tables: [episodes_seq, episodes_seq_last, episode_places, episode_places_last]
years: 2023/24-
differs_from_peer: >
  Both years' PL_LA are derived with the same postcode file (the user's; the peer: its bundled
  2021-era authority table, which has no PL_LA for the 2023 unitary authorities). A blank PL_LA on
  one side only differs, as in the peer.
  DECOM ties are broken by row (first episode: the earlier row; last year's final episode: the later
  row), where the peer takes the first row either way; episodes with a blank or invalid DECOM are
  left out. Last year's final episode is open when its DEC is blank or not a valid date (the peer's
  452 reads only a blank DEC as open).
*/
-- When the child's final episode last year (latest valid DECOM) was still open, the child's first
-- episode this year (earliest valid DECOM) must have the same PL_LA; blank on one side only differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
JOIN episode_places AS fp ON fp.row_no = f.row_no
JOIN episode_places_last AS pp ON pp.row_no = p.row_no
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND (fp.pl_la <> pp.pl_la
       OR (fp.pl_la IS NULL AND pp.pl_la IS NOT NULL)
       OR (fp.pl_la IS NOT NULL AND pp.pl_la IS NULL))
