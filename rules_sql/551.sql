/*
code: '551'
name: placed_for_adoption_without_decision_date
message: Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.
fields: [DATE_PLACED, PLACE]
tables: [episodes, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  PLACE is compared case-sensitively after trimming (a4 is not A4); the peer upper-cases values.
*/
-- Every episode with a placement for adoption (A3-A6) is flagged when the child has no
-- placed-for-adoption row, or has one whose DATE_PLACED is blank (as the peer does). A DATE_PLACED
-- that is present but not a valid date is a date given (rule 115's business).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.child IS NOT NULL
  AND e.place IN {{ codes('PLACE', 'placed_for_adoption') }}
  AND (NOT EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = e.child)
       OR EXISTS (SELECT 1 FROM placed_for_adoption AS p
                  WHERE p.child = e.child AND ssda_is_blank(p.date_placed_raw)))
