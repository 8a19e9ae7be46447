/*
code: '705'
name: dolo_starts_while_previous_open
message: A DoLO cannot start when the previous DoLO is still open.
fields: [DOLO_START, DOLO_END]
tables: [dolo]
years: 2026/27-
differs_from_peer: >
  We flag the DoLO that starts while an earlier DoLO of the child (earlier start; same start: the
  earlier row) is open or not yet ended. The peer orders DoLOs by end date (an open one by its
  start) and compares each with the one before it in that order, so when a DoLO starts inside an
  earlier, longer one it usually flags the earlier one instead, and it misses a third DoLO that
  starts inside the first. Measured on an error-heavy 2026/27 return (215 DoLOs): 23 rows flagged
  by both, 6 by the peer only and 5 by us only: all of this kind but one, a DoLO with a blank start
  that the peer still sorts by its end. DoLOs with a blank or invalid start take no part here
  (rule 700 reports them).
*/
-- DfE (as quoted by the peer): DOLO_START must be on or after the previous DoLO's DOLO_START, and the
-- previous DoLO's DOLO_END cannot be blank. A previous end that is blank or invalid counts as still
-- open; starting on the day the previous DoLO ended is fine.
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_start IS NOT NULL AND d.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM dolo AS p
    WHERE p.child = d.child AND p.row_no <> d.row_no AND p.dolo_start IS NOT NULL
      AND (p.dolo_start < d.dolo_start OR (p.dolo_start = d.dolo_start AND p.row_no < d.row_no))
      AND (p.dolo_end IS NULL OR p.dolo_end > d.dolo_start))
