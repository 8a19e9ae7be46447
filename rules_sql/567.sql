/*
code: '567'
name: missing_period_ends_before_start
message: The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.
fields: [MIS_START, MIS_END]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so dates with spaces around them are compared; the peer keeps
  the spaces, cannot read such a date and does not compare it.
*/
-- MIS_END must not be before MIS_START; a period ending the day it started is fine. Blank or
-- invalid dates are not compared (rules 1004 and 1005).
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_end < m.mis_start
