/*
code: '571'
name: missing_period_end_outside_year
message: The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.
fields: [MIS_END]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so a MIS_END with spaces around it is a date for us and is
  checked; the peer keeps the spaces, cannot read it and does not check it.
*/
-- A MIS_END, when it is a valid date, must fall in the collection year (1 April to 31 March, both
-- included). Blank (an open period) or invalid (rule 1005) is not checked.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_end < {{ collection_start }} OR m.mis_end > {{ collection_end }}
