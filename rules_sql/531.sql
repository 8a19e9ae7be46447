/*
code: '531'
name: provider_pr5_with_p1
message: A placement provider code of PR5 cannot be associated with placements P1.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and PLACE_PROVIDER are trimmed and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it flags p1 with pr5 and misses 'P1 ' or 'PR5 ' (we do the reverse).
*/
-- A placement with parents or others with parental responsibility (P1) cannot be provided by PR5.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider = 'PR5' AND e.place = 'P1'
