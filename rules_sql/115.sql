/*
code: '115'
name: date_placed_not_valid
message: Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.
fields: [DATE_PLACED]
tables: [placed_for_adoption]
years: 2023/24-
fix: {kind: date, field: DATE_PLACED}
differs_from_peer: >
  A date with spaces around it is read as that date (staging trims text); the peer does not trim,
  so it reports such a date as invalid, and it also reports a cell of only spaces, which we read
  as blank.
*/
-- Text in DATE_PLACED that is not a real dd/mm/yyyy date. A blank is not this rule (563 reports a
-- blank DATE_PLACED on a ceased decision).
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.date_placed IS NULL AND NOT ssda_is_blank(p.date_placed_raw)
