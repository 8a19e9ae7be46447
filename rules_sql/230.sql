/*
code: '230'
name: urn_required_for_english_h5_placements
message: Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.
fields: [PLACE, DEC, URN]
tables: [episodes, episode_places]
years: 2023/24
differs_from_peer: >
  PL_LA comes from PL_POST and the postcode file; WAL, SCO, NIR and NUK are outside
  England. An H5 episode whose PL_LA is unknown (PL_POST blank or not in the postcode file) is
  checked; the peer passes it (its missing PL_LA reads as the text 'NAN', which starts with N, so
  it counts as Northern Irish). The date is 29/10/2023, as DfE v1.3 amended it and the peer. A DEC
  that is not a valid date is left to the date rules; the peer reads it as missing (open) and flags.
*/
-- An H5 placement in England (or of unknown place) open on or after 29 October 2023 must give a
-- URN other than XXXXXXX.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS ep ON ep.child = e.child AND ep.row_no = e.row_no
WHERE e.place = 'H5'
  AND (ep.pl_la IS NULL OR ep.pl_la NOT IN ('WAL', 'SCO', 'NIR', 'NUK'))
  AND (ssda_is_blank(e.dec_raw) OR e.dec >= ssda_date('2023-10-29'))
  AND (e.urn IS NULL OR e.urn = 'XXXXXXX')
