/*
code: '706'
name: open_dolo_last_year_not_continued
message: There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..
fields: [DOLO_START]
tables: [dolo, dolo_last]
years: 2026/27-
differs_from_peer: >
  The child's first DoLO this year (the earliest valid DOLO_START, ties by the earlier row; a child
  whose rows all lack a valid DOLO_START: the first row) is flagged when it does not start on the
  day last year's final DoLO (the latest valid DOLO_START, ties by the later row) started, if that
  was still open (DOLO_END blank or not a valid date). A child with no DoLO this year is flagged on
  last year's open row (table dolo_last). The peer returns the row numbers of last year's open DoLOs
  that no row this year matches as if they were rows of this year's DoLo table (peer bug), compares
  the dates as text, and fails (KeyError) when last year's return has no DoLo table - which is
  always so in 2026/27, the first year of the table, where this rule is skipped for want of last
  year's DoLo.
*/
-- Last year's final DoLO per child, when still open, must continue as the child's first DoLO this
-- year (same DOLO_START).
WITH r706_open AS (
  SELECT l.row_no, l.child, l.dolo_start
  FROM dolo_last AS l
  WHERE l.child IS NOT NULL
    AND l.dolo_start IS NOT NULL
    AND l.dolo_end IS NULL
    AND NOT EXISTS (
      SELECT 1
      FROM dolo_last AS o
      WHERE o.child = l.child
        AND (o.dolo_start > l.dolo_start OR (o.dolo_start = l.dolo_start AND o.row_no > l.row_no))
    )
),
r706_first AS (
  SELECT d.row_no, d.child, d.dolo_start
  FROM dolo AS d
  WHERE d.child IS NOT NULL
    AND NOT EXISTS (
      SELECT 1
      FROM dolo AS o
      WHERE o.child = d.child
        AND o.row_no <> d.row_no
        AND ((o.dolo_start IS NOT NULL AND d.dolo_start IS NULL)
             OR (o.dolo_start < d.dolo_start)
             OR (o.dolo_start = d.dolo_start AND o.row_no < d.row_no)
             OR (o.dolo_start IS NULL AND d.dolo_start IS NULL AND o.row_no < d.row_no))
    )
)
SELECT 'dolo' AS table_name, f.row_no, f.child
FROM r706_first AS f
JOIN r706_open AS p ON p.child = f.child
WHERE f.dolo_start IS NULL OR f.dolo_start <> p.dolo_start
UNION ALL
SELECT 'dolo_last' AS table_name, p.row_no, p.child
FROM r706_open AS p
WHERE NOT EXISTS (SELECT 1 FROM dolo AS d WHERE d.child = p.child)
