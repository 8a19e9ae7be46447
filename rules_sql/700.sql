/*
code: '700'
name: dolo_start_date_not_valid
message: The start date of the DoLO is not a valid date.
fields: [DOLO_START]
tables: [dolo]
years: 2026/27-
fix: {kind: date, field: DOLO_START}
differs_from_peer: >
  A date with spaces around it is read as that date (staging trims text); the peer does not
  trim, so it reports such a date as invalid.
*/
-- DOLO_START is required on every DoLO row, so blank counts as not a valid date, as does text
-- that is not a real dd/mm/yyyy date (both are NULL after staging).
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_start IS NULL
