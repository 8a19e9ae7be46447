/*
code: '333'
name: should_be_placed_after_matching
message: Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).
fields: [DATE_INT]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Dates with spaces around them are read as dates (staging trims);
  the peer treats them as invalid.
*/
-- DfE: if DATE_MATCH is provided, DATE_INT must also be provided and be on or before it. A
-- DATE_INT that is not a valid date is not provided (as in the peer; rule 112 also reports it);
-- an invalid DATE_MATCH is not compared (rule 113).
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.date_match IS NOT NULL
  AND (a.date_int IS NULL OR a.date_int > a.date_match)
