/*
code: '577'
name: missing_period_open_after_care_ended
message: Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.
fields: [MIS_END]
tables: [missing, care_periods]
years: 2023/24-
differs_from_peer: >
  We flag what the message describes: a missing period without an end date (MIS_END blank or not
  a date) of a child with periods of care, none of them open (no valid DEC on its last episode)
  and started on or before MIS_START. On such rows we agree with the peer. The peer also flags a
  missing period that has ended but whose MIS_END falls outside every period of care; that is
  not "without an end date" (rules 578 and 581 look at missing periods outside care), so we
  do not. Rows with a blank or invalid MIS_START are left out, as in the peer.
*/
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_end IS NULL
  AND m.mis_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM care_periods AS p WHERE p.child = m.child)
  AND NOT EXISTS (SELECT 1 FROM care_periods AS p
                  WHERE p.child = m.child AND p.period_end IS NULL AND p.period_start <= m.mis_start)
