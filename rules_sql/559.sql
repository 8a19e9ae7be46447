/*
code: '559'
name: date_placed_before_year_missing_last_year
message: Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.
fields: [DATE_PLACED]
tables: [placed_for_adoption, placed_for_adoption_last]
years: 2023/24-
differs_from_peer: >
  Flagged when none of the child's rows last year has a valid DATE_PLACED; the peer pairs every
  row this year with every row last year and flags when any of last year's rows lacks one (a child
  with one dated and one undated row last year is flagged there, not here). CHILD is compared
  after trimming surrounding spaces.
*/
-- A decision dated before the collection start must have been in last year's return: the child
-- needs a row last year with a valid DATE_PLACED.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.child IS NOT NULL
  AND p.date_placed < {{ collection_start }}
  AND NOT EXISTS (
    SELECT 1
    FROM placed_for_adoption_last AS l
    WHERE l.child = p.child
      AND l.date_placed IS NOT NULL
  )
