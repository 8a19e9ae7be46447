/*
code: '378'
name: placed_with_parents_under_section_20
message: A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.
fields: [PLACE, LS]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer keeps spaces and upper-cases values.
*/
-- A placement with parents (P1) cannot be under a single period of section 20 accommodation (V2).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'P1' AND e.ls = 'V2'
