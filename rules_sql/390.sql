/*
code: '390'
name: adopted_without_adoption_placement
message: Reason episode ceased is adopted but child has not been previously placed for adoption.
fields: [PLACE, REC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- DfE: if REC = E11 or E12 (adopted) then PL must be one of A3, A4, A5 or A6.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN {{ codes('REC', 'adopted') }}
  AND (e.place IS NULL OR e.place NOT IN {{ codes('PLACE', 'placed_for_adoption') }})
