/*
code: '113'
name: date_matched_not_valid
message: Date matching child and adopter(s) is not a valid date.
fields: [DATE_MATCH]
tables: [ad1]
years: 2023/24-
fix: {kind: date, field: DATE_MATCH}
differs_from_peer: >
  A date with spaces around it is read as that date (staging trims text); the peer does not trim,
  so it reports such a date as invalid, and it also reports a cell of only spaces, which we read
  as blank.
*/
-- DATE_MATCH may be blank (rule 151 asks for all or none of the adoption items); text that is not
-- a real dd/mm/yyyy date is an error.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.date_match IS NULL AND NOT ssda_is_blank(a.date_match_raw)
