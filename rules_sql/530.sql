/*
code: '530'
name: provider_pr4_with_p1
message: A placement provider code of PR4 cannot be associated with placement P1.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and PLACE_PROVIDER are trimmed and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it flags p1 with pr4 and misses 'P1 ' or 'PR4 ' (we do the reverse).
*/
-- A placement with parents or others with parental responsibility (P1) cannot be provided by PR4.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider = 'PR4' AND e.place = 'P1'
