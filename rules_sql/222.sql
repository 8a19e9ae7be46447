/*
code: '222'
name: urn_for_placement_without_urn
message: Ofsted Unique reference number (URN) should not be recorded for this placement type.
fields: [URN]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  The year's list is the PLACE group no_urn (P1, P3, R1, R2, R5, T0-T4, plus P2 and Z1 while they
  are codes, Z11-Z14 from 2025/26), as the peer's year lists. The exempt value is XXXXXXX (seven
  X, as the peer and rule 242; the 2024/25 DfE text prints six). Codes are trimmed and compared
  case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- A URN other than XXXXXXX must not be given for a placement type that has no Ofsted URN.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'no_urn') }} AND e.urn IS NOT NULL AND e.urn <> 'XXXXXXX'
