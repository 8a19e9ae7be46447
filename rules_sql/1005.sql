/*
code: '1005'
name: missing_end_date_not_valid
message: The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
fields: [MIS_END]
tables: [missing]
years: 2023/24-
fix: {kind: date, field: MIS_END}
differs_from_peer: >
  Staging trims the text first: a date with spaces around it is read as that date, and a MIS_END
  of spaces only is blank (an open period). The peer keeps the spaces, so it reports both as not
  valid dates.
*/
-- MIS_END is blank while the period is open, so only text that is not a real dd/mm/yyyy date is
-- flagged (NULL after staging, with something other than spaces in the original text).
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_end IS NULL AND NOT ssda_is_blank(m.mis_end_raw)
