/*
code: '214'
name: placement_location_for_short_breaks
message: Placement location information not required.
fields: [PL_POST, URN]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer keeps spaces (misses 'V3 ') and
  upper-cases values (flags 'v3').
*/
-- A child accommodated under a series of short breaks (LS V3 or V4) has no placement postcode
-- or URN.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'short_breaks') }} AND (e.pl_post IS NOT NULL OR e.urn IS NOT NULL)
