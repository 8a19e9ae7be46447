/*
code: '213'
name: placement_provider_for_temporary_placement
message: Placement provider information not required.
fields: [PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-2024/25
differs_from_peer: >
  PLACE is trimmed and compared case-sensitively; the peer keeps spaces (misses 'T1 ') and
  upper-cases values (flags 't1').
*/
-- No placement provider for a temporary placement (T0-T4).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'temporary') }} AND e.place_provider IS NOT NULL
