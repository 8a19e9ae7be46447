/*
code: '574'
name: missing_periods_overlap
message: A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.
fields: [MIS_START, MIS_END]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Each period is compared with the child's previous period in MIS_START order (same start day:
  an open period first, then by MIS_END, then by row), and the later-starting period is flagged.
  The peer orders by MIS_END (MIS_START for an open period), so when a period starts inside an
  earlier one that ends later (a nested period, or an open period starting inside a closed one)
  it flags the earlier period instead of the new one, and can then miss the overlap of the period
  after it. Periods with a blank or invalid MIS_START are left out of the sequence (rule 1004
  reports them); the peer keeps them, ordered by their MIS_END, so such a row can be flagged or
  hide the overlap of the periods either side of it. Dates with spaces around them are read as
  dates (staging trims); the peer treats them as invalid.
*/
-- A period overlaps when the previous one is still open (MIS_END blank, or not a valid date as
-- in the peer) or ends after this one starts. Starting on the day the previous ended is fine.
WITH r574_periods AS (
  SELECT m.row_no, m.child, m.mis_start,
         ROW_NUMBER() OVER (PARTITION BY m.child
                            ORDER BY m.mis_start,
                                     CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END,
                                     m.mis_end, m.row_no) AS r574_pos,
         LAG(m.mis_end) OVER (PARTITION BY m.child
                              ORDER BY m.mis_start,
                                       CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END,
                                       m.mis_end, m.row_no) AS r574_prev_end
  FROM missing AS m
  WHERE m.child IS NOT NULL AND m.mis_start IS NOT NULL
)
SELECT 'missing' AS table_name, p.row_no, p.child
FROM r574_periods AS p
WHERE p.r574_pos > 1
  AND (p.r574_prev_end IS NULL OR p.r574_prev_end > p.mis_start)
