/*
code: '529'
name: provider_pr3_with_placement_not_public
message: Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and PLACE_PROVIDER are trimmed and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it flags u1 with pr3 and misses 'U1 ' or 'PR3 ' (we do the reverse).
*/
-- Other public provision (PR3) cannot provide P1, a placement for adoption (A3-A6), a children's
-- home (K1, K2) or a foster placement (U1-U6).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider = 'PR3'
  AND (e.place IN ('P1', 'K1', 'K2')
       OR e.place IN {{ codes('PLACE', 'placed_for_adoption') }}
       OR e.place IN {{ codes('PLACE', 'foster') }})
