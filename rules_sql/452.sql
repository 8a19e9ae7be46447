/*
code: '452'
name: first_placement_la_contradicts_last_year
message: Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.
fields: [PL_LA]
tables: [episodes_seq, episodes_seq_last, episode_places, episode_places_last]
years: 2023/24-
differs_from_peer: >
  Both years' PL_LA are derived with the same postcode file (the user's; the peer: its bundled
  2021-era authority table, which has no PL_LA for the 2023 unitary authorities). As the peer, the
  two episodes are compared only when they have the same RNE, and a blank PL_LA on one side only
  differs.
  DECOM ties are broken by row (first episode: the earlier row; last year's final episode: the later
  row), where the peer takes the first row either way; episodes with a blank or invalid DECOM are
  left out. Last year's final episode is open when its DEC is blank or not a valid date (the peer's
  452 reads only a blank DEC as open).
  RNE is compared case-sensitively after trimming; the peer upper-cases every value first.
*/
-- When the child's final episode last year (latest valid DECOM) was still open, the child's first
-- episode this year (earliest valid DECOM) with the same RNE must have the same PL_LA; blank on one
-- side only differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
JOIN episode_places AS fp ON fp.row_no = f.row_no
JOIN episode_places_last AS pp ON pp.row_no = p.row_no
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND f.rne = p.rne
  AND (fp.pl_la <> pp.pl_la
       OR (fp.pl_la IS NULL AND pp.pl_la IS NOT NULL)
       OR (fp.pl_la IS NOT NULL AND pp.pl_la IS NULL))
