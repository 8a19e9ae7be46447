/*
code: '565'
name: missing_period_start_without_type
message: The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.
fields: [MISSING, MIS_START]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Values are trimmed first: a MISSING of spaces only is blank for us and the row is flagged, and a
  MIS_START of spaces only is not a completed date. The peer keeps the spaces, so for it the
  first is a completed type and the second a completed date.
*/
-- A completed MIS_START (anything but blank, valid date or not) needs a MISSING type.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.missing IS NULL
  AND NOT ssda_is_blank(m.mis_start_raw)
