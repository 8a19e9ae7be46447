/*
code: '420'
name: placement_la_for_short_breaks
message: LA of placement completed but child is looked after under legal status V3 or V4.
fields: [PL_LA]
tables: [episodes, episode_places]
years: 2023/24-
differs_from_peer: >
  PL_LA is derived from PL_POST with the postcode file the user supplies; the peer's 2021 authority
  table leaves PL_LA blank for the 2023 unitary authorities (Cumberland, Westmorland and Furness,
  North Yorkshire, Somerset), so such short breaks are flagged by us only. LS is compared
  case-sensitively after trimming ('v3' is not V3); the peer upper-cases it first.
*/
-- Short breaks (LS V3/V4) carry no placement LA: a PL_POST that gives one is flagged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE e.ls IN {{ codes('LS', 'short_breaks') }}
  AND p.pl_la IS NOT NULL
