/*
code: '701'
name: dolo_end_date_not_valid
message: The end date of the DoLO is not a valid date.
fields: [DOLO_END]
tables: [dolo]
years: 2026/27-
fix: {kind: date, field: DOLO_END}
differs_from_peer: >
  A date with spaces around it is read as that date and spaces alone are blank (staging trims);
  the peer reports both as invalid.
*/
-- DOLO_END is blank while the DoLO is open, so only given text that is not a valid date is flagged.
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_end IS NULL AND NOT ssda_is_blank(d.dolo_end_raw)
