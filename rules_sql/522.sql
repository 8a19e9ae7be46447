/*
code: '522'
name: placed_ceased_before_date_placed
message: Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.
fields: [DATE_PLACED, DATE_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  Dates with spaces around them are read as dates (staging trims);
  the peer treats them as invalid.
*/
-- Both dates valid and the decision ceasing before it was made. The same day is fine; blank or
-- invalid dates are not compared (rules 115, 116 and 563 report them).
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.date_placed_ceased < p.date_placed
