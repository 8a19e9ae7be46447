/*
code: '556'
name: decision_to_place_after_freeing_order
message: Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.
fields: [DATE_PLACED, DECOM]
tables: [episodes, placed_for_adoption]
years: 2023/24
differs_from_peer: >
  LS is compared case-sensitively after trimming (d1 is not D1); dates with spaces around them are
  read as dates.
*/
-- Every episode with LS D1 (freeing order granted) is flagged when the child has a decision to
-- place (valid DATE_PLACED) after the episode's DECOM. Only the episode is flagged, as the peer does.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'D1'
  AND EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = e.child AND p.date_placed > e.decom)
