/*
code: '575'
name: missing_period_open_after_placement_ended
message: If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.
fields: [MIS_END]
tables: [missing, episodes]
years: 2023/24-
differs_from_peer: >
  As the peer: a missing period with a blank MIS_END that starts within an episode that has
  ended (DECOM <= MIS_START <= DEC, both valid dates) is flagged. A MIS_END that is present but
  not a date is an end date here too (rule 1005 reports it), as in the peer. A MIS_END of only
  spaces is blank for us (staging trims) and an end date for the peer.
*/
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE ssda_is_blank(m.mis_end_raw)
  AND m.mis_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = m.child AND e.decom IS NOT NULL AND e.dec IS NOT NULL
                AND m.mis_start >= e.decom AND m.mis_start <= e.dec)
