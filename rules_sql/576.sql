/*
code: '576'
name: open_missing_period_last_year_not_continued
message: There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.
fields: [CHILD]
tables: [missing, missing_last]
years: 2023/24-
differs_from_peer: >
  As the peer, the child's first missing row this year (the earliest valid MIS_START, ties by the
  earlier row; a child whose rows all lack a valid MIS_START: the first row) is flagged when it
  does not start on the day an open period of last year started, and a child with no missing row
  this year cannot be flagged. An MIS_END that is not a valid date counts as open (as a DEC does in
  503A-503F); the peer reads the text and counts it as closed. CHILD is compared after trimming.
*/
-- Last year's periods with a valid MIS_START and no valid MIS_END are open at the end of the year;
-- the child's first period this year must start on the same day.
WITH r576_first AS (
  SELECT m.row_no, m.child, m.mis_start
  FROM missing AS m
  WHERE m.child IS NOT NULL
    AND NOT EXISTS (
      SELECT 1
      FROM missing AS o
      WHERE o.child = m.child
        AND o.row_no <> m.row_no
        AND ((o.mis_start IS NOT NULL AND m.mis_start IS NULL)
             OR (o.mis_start < m.mis_start)
             OR (o.mis_start = m.mis_start AND o.row_no < m.row_no)
             OR (o.mis_start IS NULL AND m.mis_start IS NULL AND o.row_no < m.row_no))
    )
)
SELECT 'missing' AS table_name, f.row_no, f.child
FROM r576_first AS f
WHERE EXISTS (
  SELECT 1
  FROM missing_last AS l
  WHERE l.child = f.child
    AND l.mis_start IS NOT NULL
    AND l.mis_end IS NULL
    AND (f.mis_start IS NULL OR f.mis_start <> l.mis_start)
)
