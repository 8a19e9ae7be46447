/*
code: '707'
name: dolo_open_after_care_ended
message: Child ceased to be looked after but there is a DoLO without an end date.
fields: [DOLO_END]
tables: [dolo, care_periods]
years: 2026/27-
differs_from_peer: >
  We flag what the message describes: a DoLO without an end date (DOLO_END blank or not a date)
  of a child with periods of care, none of them open (no valid DEC on its last episode) and
  started on or before DOLO_START. On such rows we agree with the peer. The peer (its rule 577
  logic reused) also flags a DoLO that has ended but whose DOLO_END falls outside every period of
  care; that is not "without an end date", so we do not. Rows with a blank or invalid DOLO_START
  are left out (rule 700 reports them), as in the peer.
*/
SELECT 'dolo' AS table_name, d.row_no, d.child
FROM dolo AS d
WHERE d.dolo_end IS NULL
  AND d.dolo_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM care_periods AS p WHERE p.child = d.child)
  AND NOT EXISTS (SELECT 1 FROM care_periods AS p
                  WHERE p.child = d.child AND p.period_end IS NULL AND p.period_start <= d.dolo_start)
