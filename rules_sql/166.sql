/*
code: '166'
name: review_date_invalid_or_blank
message: Date of review is invalid or blank.
fields: [REVIEW]
tables: [reviews]
years: 2023/24-
fix: {kind: date, field: REVIEW}
differs_from_peer: >
  A date with spaces around it is read as that date (staging trims text); the peer does not
  trim, so it reports such a date as invalid.
*/
-- REVIEW is NULL after staging when it is blank or not a valid dd/mm/yyyy date: both are errors.
SELECT 'reviews' AS table_name, r.row_no, r.child
FROM reviews AS r
WHERE r.review IS NULL
