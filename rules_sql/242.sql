/*
code: '242'
name: urn_xxxxxxx_outside_adoption_or_fostering
message: URN = 'XXXXXXX' can only be used for regional adoption agencies
fields: [URN]
tables: [episodes]
years: 2025/26-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer upper-cases values (it accepts PLACE
  'u1' and reads URN 'xxxxxxx' as XXXXXXX) and keeps spaces.
*/
-- DfE (as quoted by the peer): if URN = XXXXXXX then PL must be a placement for adoption (A3-A6)
-- or a foster placement (U1-U6).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn = 'XXXXXXX'
  AND (e.place IS NULL
       OR (e.place NOT IN {{ codes('PLACE', 'placed_for_adoption') }}
           AND e.place NOT IN {{ codes('PLACE', 'foster') }}))
