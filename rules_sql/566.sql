/*
code: '566'
name: missing_period_end_without_type
message: The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.
fields: [MISSING, MIS_END]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Values are trimmed first: a MISSING of spaces only is blank for us and the row is flagged, and a
  MIS_END of spaces only is not a completed date. The peer keeps the spaces, so for it the first
  is a completed type and the second a completed date.
*/
-- A completed MIS_END (anything but blank, valid date or not) needs a MISSING type.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.missing IS NULL
  AND NOT ssda_is_blank(m.mis_end_raw)
