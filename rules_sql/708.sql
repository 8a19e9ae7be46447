/*
code: '708'
name: dolo_starts_before_birth
message: Dates of DoLOs are before child’s date of birth.
fields: [DOLO_START]
tables: [dolo]
years: 2026/27-
*/
-- DfE (as quoted by the peer): DOLO_START must be after DOB, so a DoLO starting on the day of birth is
-- flagged too. Uses the DoLO table's DOB; blank or invalid dates are not compared.
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_start <= d.dob
