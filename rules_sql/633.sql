/*
code: '633'
name: la_perm_not_valid
message: Local authority code where previous permanence option was arranged is not a valid value.
fields: [LA_PERM]
tables: [previous_permanence, la_codes]
years: 2023/24-
differs_from_peer: >
  The valid codes are the bundled table of DfE 3-digit LA codes (rules_sql/reference/la_codes.csv),
  every code it lists whatever its dates (a permanence order may date from before a
  reorganisation, so 909 Cumbria stays valid), plus WAL, SCO, NUK and NIR. The peer's list dates
  from 2021: it lacks 940 and 941 (North and West Northamptonshire, 2021) and 942 and 943
  (Cumberland, Westmorland and Furness, 2023), which it flags and we accept; it accepts 999, which
  is no LA and which we flag. Codes are compared exactly after trimming ('wal' is not WAL); the
  peer upper-cases them first.
*/
-- Where given, LA_PERM must be a DfE LA code or one of WAL, SCO, NUK (not UK), NIR.
SELECT 'previous_permanence' AS table_name, pp.row_no, pp.child
FROM previous_permanence AS pp
WHERE pp.la_perm IS NOT NULL
  AND pp.la_perm NOT IN ('WAL', 'SCO', 'NUK', 'NIR')
  AND NOT EXISTS (SELECT 1 FROM la_codes AS l WHERE l.dfe_code = pp.la_perm)
