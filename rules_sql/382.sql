/*
code: '382'
name: respite_in_temporary_placement
message: A child receiving respite care cannot be in a temporary placement.
fields: [LS, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- Short breaks (LS V3 or V4) cannot be in a temporary placement (T0-T4).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'short_breaks') }} AND e.place IN {{ codes('PLACE', 'temporary') }}
