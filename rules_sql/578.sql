/*
code: '578'
name: missing_start_outside_care
message: The date that the child started to be missing is after the child ceased to be looked after.
fields: [MIS_START]
tables: [missing, care_periods]
years: 2023/24-
differs_from_peer: >
  As the peer: a missing period is flagged when its MIS_START lies in none of the child's periods
  of care (first DECOM to last DEC inclusive; a period with no valid last DEC runs on). So a start
  before the first period or in a gap between periods is flagged as well as one after care ended;
  a missing period starting on the day care ended is not ("after", as the message says; the DfE
  logic text's ">= DEC" would flag it). Children without episodes and rows with a blank or
  invalid MIS_START are not judged. Periods of care are those of care_periods (ties by row); the
  peer's unstable sort of same-day episodes can make its periods differ.
*/
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM care_periods AS p WHERE p.child = m.child)
  AND NOT EXISTS (SELECT 1 FROM care_periods AS p
                  WHERE p.child = m.child AND p.period_start <= m.mis_start
                    AND (p.period_end IS NULL OR m.mis_start <= p.period_end))
