/*
code: '561'
name: date_placed_same_as_ceased_decision_last_year
message: Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.
fields: [DATE_PLACED]
tables: [placed_for_adoption, placed_for_adoption_last]
years: 2023/24-
differs_from_peer: >
  Dates are compared as dates (the peer compares the text, so 1/4/2024 and 01/04/2024 differ
  there and only the first spelling matches itself). A DATE_PLACED_CEASED counts as recorded when
  it is not blank, even if not a valid date, as in the peer. CHILD and REASON_PLACED_CEASED are
  trimmed of surrounding spaces.
*/
-- This year's DATE_PLACED is the date of a decision last year that has since ceased (last year's
-- DATE_PLACED_CEASED or REASON_PLACED_CEASED recorded).
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM placed_for_adoption_last AS l
    WHERE l.child = p.child
      AND l.date_placed = p.date_placed
      AND (NOT ssda_is_blank(l.date_placed_ceased_raw) OR l.reason_placed_ceased IS NOT NULL)
  )
