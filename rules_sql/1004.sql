/*
code: '1004'
name: missing_start_date_not_valid
message: The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
fields: [MIS_START]
tables: [missing]
years: 2023/24-
fix: {kind: date, field: MIS_START}
differs_from_peer: >
  A date with spaces around it is read as that date (staging trims text); the peer does not
  trim, so it reports such a date as invalid.
*/
-- MIS_START is required for every missing/away period, so blank counts as not a valid date,
-- as does text that is not a real dd/mm/yyyy date (both are NULL after staging).
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_start IS NULL
