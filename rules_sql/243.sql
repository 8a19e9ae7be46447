/*
code: '243'
name: urn_for_placement_outside_ofsted_registration
message: Only placements with providers registered with Ofsted should have a URN reported.
fields: [URN]
tables: [episodes, episode_places]
years: 2025/26-
differs_from_peer: >
  The DfE text (in the peer's comment): if PL_LA is CON, NIR, SCO, WAL or NUK then URN should be
  null. PL_LA comes from PL_POST and the postcode file; the peer's bundled postcodes
  date from 2021, so a placement postcode created since then has no PL_LA there. Any URN counts,
  XXXXXXX too, as the peer.
*/
-- A placement outside England (or confidential) must not give a URN.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS ep ON ep.child = e.child AND ep.row_no = e.row_no
WHERE ep.pl_la IN ('CON', 'NIR', 'SCO', 'WAL', 'NUK')
  AND e.urn IS NOT NULL
