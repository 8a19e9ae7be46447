/*
code: '1015'
name: own_provision_outside_own_la
message: Placement provider is own provision but child not placed in own LA.
fields: [PL_LA]
tables: [episodes, episode_places]
years: 2023/24-
differs_from_peer: >
  One file for the DfE's two versions (2022/23-2024/25 and 2025/26-, same message; the peer has one
  rule). PL_LA is derived from PL_POST with the postcode file the user supplies; the peer's 2021
  authority table gives no PL_LA in the 2023 unitary authorities (Cumberland, Westmorland and
  Furness, North Yorkshire, Somerset), so their own provision is always flagged there, and correctly
  passes here. As the peer, a PL_LA left blank (PL_POST blank or not a known postcode) is not the
  council's own LA. Without --la the council's area is unknown and nothing is flagged (the peer
  then flags every own-provision episode).
  PLACE_PROVIDER, PLACE and LS are compared case-sensitively after trimming ('pr1' is not PR1,
  'v3' is not V3); the peer upper-cases every value first.
*/
-- Own provision (PLACE_PROVIDER PR1), outside foster and adoption placements (PLACE A3-A6, U1-U6)
-- and short breaks (LS V3/V4), must be in the council's own area: PL_LA = the council's ONS code.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE e.place_provider = 'PR1'
  AND e.place NOT IN {{ codes('PLACE', 'placed_for_adoption') }}
  AND e.place NOT IN {{ codes('PLACE', 'foster') }}
  AND e.ls NOT IN {{ codes('LS', 'short_breaks') }}
  AND {{ la_ons }} IS NOT NULL
  AND (p.pl_la IS NULL OR p.pl_la <> {{ la_ons }})
