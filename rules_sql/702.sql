/*
code: '702'
name: dolo_ended_before_start
message: The date that the DoLO ended is before the date that it started.
fields: [DOLO_START, DOLO_END]
tables: [dolo]
years: 2026/27-
differs_from_peer: >
  A DoLO that ends on the day it started is not flagged: the DfE message is "ended before the
  date that it started", as for the missing-period rule 567 (which the peer also checks strictly).
  The peer's 702 flags DOLO_END <= DOLO_START. Dates with spaces around them are read as dates
  (staging trims); the peer treats them as invalid and so does not compare them.
  The DfE has not published the coding of the 2026/27 DoLO rules (rules.csv has no logic text
  for 702); this follows the DfE message and is unverified against the DfE portal.
*/
-- Only rows where both dates are valid are compared; rules 700 and 701 report the others.
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_start IS NOT NULL AND d.dolo_end IS NOT NULL AND d.dolo_end < d.dolo_start
