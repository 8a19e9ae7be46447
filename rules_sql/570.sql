/*
code: '570'
name: missing_period_starts_after_year_end
message: The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.
fields: [MIS_START]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so a MIS_START with spaces around it is a date for us and is
  checked; the peer keeps the spaces, cannot read it and does not check it.
*/
-- MIS_START must be on or before 31 March of the collection year; blank or invalid is rule 1004's.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_start > {{ collection_end }}
