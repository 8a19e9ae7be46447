/*
code: '704'
name: dolo_end_outside_collection_year
message: The date that the DoLO ended is before the start or after the end of the collection year.
fields: [DOLO_END]
tables: [dolo]
years: 2026/27-
*/
-- A DoLO in the return ended within the collection year or is still open. Blank or invalid ends
-- are not compared (rule 701).
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_end < {{ collection_start }} OR d.dolo_end > {{ collection_end }}
