/*
code: '703'
name: dolo_starts_after_collection_year
message: The date that the DoLO started is after the end of the collection year.
fields: [DOLO_START]
tables: [dolo]
years: 2026/27-
*/
-- A DoLO that started before the year is still reported if it was in force; only a start after the
-- collection end is wrong. Blank or invalid starts are rule 700's.
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_start > {{ collection_end }}
