/*
code: '523'
name: date_placed_differs_from_should_be_placed
message: Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).
fields: [DATE_PLACED, DATE_INT]
tables: [placed_for_adoption, ad1]
years: 2023/24-
differs_from_peer: >
  Dates with spaces around them are read as dates (staging trims);
  the peer treats them as invalid.
*/
-- Every valid DATE_PLACED of a child is compared with every valid DATE_INT of the same child (as
-- the peer does); each row of a pair that differs is flagged. Blank or invalid dates are not
-- compared (rules 112 and 115).
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE EXISTS (SELECT 1 FROM ad1 AS a
              WHERE a.child = p.child AND a.date_int IS NOT NULL AND p.date_placed IS NOT NULL
                AND a.date_int <> p.date_placed)
UNION ALL
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE EXISTS (SELECT 1 FROM placed_for_adoption AS p
              WHERE p.child = a.child AND p.date_placed IS NOT NULL AND a.date_int IS NOT NULL
                AND p.date_placed <> a.date_int)
