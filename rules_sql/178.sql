/*
code: '178'
name: placement_provider_not_valid
message: Placement provider code is not a valid code.
fields: [PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-2024/25
fix: {kind: code, field: PLACE_PROVIDER}
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer keeps spaces and
  upper-cases values, so it flags 'PR1 ' and accepts 'pr1' (we do the opposite), and does not see
  a lower-case 't1' as a temporary placement.
*/
-- A placement provider, when given, must be PR0-PR5 and must not be given for a temporary
-- placement (T0-T4: the DfE long description names T4, its coding does not) or Z1.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider IS NOT NULL
  AND (e.place_provider NOT IN {{ codes('PLACE_PROVIDER') }}
       OR e.place IN {{ codes('PLACE', 'temporary') }}
       OR e.place IN {{ codes('PLACE', 'other') }})
