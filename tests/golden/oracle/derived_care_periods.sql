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
  CASE
    WHEN MAX(
      CASE
        WHEN s.ends_period = 1 AND NOT s.dec IS NULL AND s.dec <= DATE '2026-03-31'
        THEN 1
        ELSE 0
      END
    ) = 1
    THEN 0
    ELSE 1
  END AS open_at_end,
  MAX(s.is_last) AS is_last_period
FROM episodes_seq s
WHERE
  s.in_seq = 1
GROUP BY
  s.child,
  s.period_no
