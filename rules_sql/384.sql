/*
code: '384'
name: respite_in_long_term_foster_placement
message: A child receiving respite care cannot be in a long-term foster placement
fields: [PLACE, LS]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- DfE: where LS = V3 or V4 then PL must not be U1 or U4 (the long-term foster placements).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'short_breaks') }} AND e.place IN ('U1', 'U4')
