SELECT
  s.child,
  s.period_no,
  MAX(CASE WHEN s.starts_period = 1 THEN s.row_no END) AS first_row_no,
  MAX(CASE WHEN s.ends_period = 1 THEN s.row_no END) AS last_row_no,
  MIN(s.decom) AS period_start,
  MAX(CASE WHEN s.ends_period = 1 THEN s.dec END) AS period_end,
  MAX(CASE WHEN s.starts_period = 1 THEN s.rne END) AS first_rne,
  MAX(CASE WHEN s.ends_period = 1 THEN s.rec END) AS last_rec,
  COUNT(*) AS episodes,
  CASE WHEN MAX(s.closed_by_end) = 1 THEN 0 ELSE 1 END AS open_at_end,
  MAX(s.is_last) AS is_last_period
FROM (
  /* the collection date is compared row by row, outside any aggregate: deployed views read it as */
  /* a subquery, which SQL Server refuses inside one */
  SELECT
    q.child,
    q.period_no,
    q.starts_period,
    q.ends_period,
    q.row_no,
    q.decom,
    q.dec,
    q.rne,
    q.rec,
    q.is_last,
    CASE
      WHEN q.ends_period = 1 AND NOT q.dec IS NULL AND q.dec <= DATE '2026-03-31'
      THEN 1
      ELSE 0
    END AS closed_by_end
  FROM episodes_seq AS q
  WHERE
    q.in_seq = 1
) AS s
GROUP BY
  s.child,
  s.period_no
