/*
code: '178'
name: placement_provider_not_valid
message: Placement provider code is not a valid code.
fields: [PLACE_PROVIDER]
tables: [episodes]
years: 2025/26-
fix: {kind: code, field: PLACE_PROVIDER}
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer keeps spaces and
  upper-cases values, so it flags 'PR1 ' and accepts 'pr1' (we do the opposite).
*/
-- DfE 2025/26: if provided, PLACE_PROVIDER must be a valid value (PR0-PR5) and should not be
-- provided if PL = T0, T1, T2, T3, Z11, Z12, Z13 or Z14. T4 is not in this list (rule 213 covers
-- a provider on any temporary placement).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider IS NOT NULL
  AND (e.place_provider NOT IN {{ codes('PLACE_PROVIDER') }}
       OR e.place IN ('T0', 'T1', 'T2', 'T3')
       OR e.place IN {{ codes('PLACE', 'other') }})
