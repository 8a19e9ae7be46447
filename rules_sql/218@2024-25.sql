/*
code: '218'
name: urn_required
message: Ofsted Unique reference number (URN) is required.
fields: [URN]
tables: [episodes, episode_places]
years: 2024/25-
differs_from_peer: >
  Exempt: the placement types without a URN (PLACE group no_urn: P1, P3, R1, R2, R5, T0-T4, with Z1 in 2024/25 and Z11-Z14 from 2025/26, as the peer's 2024/25 and 2025/26 lists), and placements whose PL_LA (from PL_POST and the postcode file) is
  CON, NIR, SCO, WAL or NUK. The DfE text's "DEC > 31/03/2015 or Null" is read as the episode
  open on or after 1 April of the collection year (DEC blank, or on or after 1 April), as the peer.
  An episode whose PL_LA is unknown (PL_POST blank or not in the postcode file) is not exempt; the
  peer's 2023/24 and 2024/25 versions exempt it (its missing PL_LA reads as the text 'NAN', which
  starts with N). A DEC that is not a valid date is left to the date rules, as the peer.
*/
-- Where PLACE takes a URN, the placement is not confidential or outside England, and the episode
-- is open on or after 1 April, URN must be given.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS ep ON ep.child = e.child AND ep.row_no = e.row_no
WHERE e.urn IS NULL
  AND (e.place IS NULL OR NOT (e.place IN {{ codes('PLACE', 'no_urn') }}))
  AND (ep.pl_la IS NULL OR ep.pl_la NOT IN ('CON', 'NIR', 'SCO', 'WAL', 'NUK'))
  AND (ssda_is_blank(e.dec_raw) OR e.dec >= {{ collection_start }})
