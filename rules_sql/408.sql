/*
code: '408'
name: placed_for_adoption_with_placement_order_without_e1
message: Child is placed for adoption with a placement order, but no placement order has been recorded.
fields: [PLACE, LS]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and LS are trimmed and compared case-sensitively; the peer upper-cases every value but keeps
  spaces, so it checks a5 and does not check 'A5 ', and flags 'E1 ' (we do the reverse of each).
*/
-- A placement for adoption with a placement order (A5, A6) needs the legal status placement order
-- granted (E1); a blank LS is not E1.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN ('A5', 'A6')
  AND (e.ls IS NULL OR e.ls <> 'E1')
