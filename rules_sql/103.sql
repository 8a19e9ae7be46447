/*
code: '103'
name: ethnicity_not_valid
message: The ethnicity code is either not valid or has not been entered.
fields: [ETHNIC]
tables: [header]
years: 2023/24-
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.ethnic IS NULL
   OR h.ethnic NOT IN {{ codes('ETHNIC') }}
