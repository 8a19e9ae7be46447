/*
code: '560'
name: date_placed_differs_from_last_year_decision_not_ceased
message: Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.
fields: [DATE_PLACED, DATE_PLACED_CEASED]
tables: [placed_for_adoption, placed_for_adoption_last]
years: 2023/24-
differs_from_peer: >
  Dates are compared as dates (the peer compares the text, so 1/4/2024 and 01/04/2024 differ
  there). Last year's DATE_PLACED must be a valid date to count as provided, and last year's
  DATE_PLACED_CEASED must be blank to count as not ceased (an invalid date is not blank). This
  year's blank or invalid DATE_PLACED differs from last year's date, as in the peer. CHILD is
  compared after trimming surrounding spaces.
*/
-- Last year's decision (a valid DATE_PLACED, DATE_PLACED_CEASED blank) still stands, so each of the
-- child's rows this year must carry the same DATE_PLACED.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM placed_for_adoption_last AS l
    WHERE l.child = p.child
      AND l.date_placed IS NOT NULL
      AND ssda_is_blank(l.date_placed_ceased_raw)
      AND (p.date_placed IS NULL OR p.date_placed <> l.date_placed)
  )
