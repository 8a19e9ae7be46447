/*
relation: care_periods
reads: [episodes_seq]
description: >
  One row per period of care: a run of the child's sequenced episodes, each starting on or before
  the day the previous one ended (see episodes_seq). Episodes without a valid DECOM take no part.
columns:
  child: the child
  period_no: 1-based number of the period within the child's episodes, in date order
  first_row_no: the episodes row that starts the period
  last_row_no: the episodes row that ends it (the latest episode of the period)
  period_start: DECOM of the first episode
  period_end: DEC of the last episode; NULL when it has none (open, or DEC not a date)
  first_rne: RNE of the first episode
  last_rec: REC of the last episode
  episodes: how many episodes the period has
  open_at_end: 1 when the period is still open at the collection end (no valid DEC, or a DEC after 31 March), else 0
  is_last_period: 1 for the child's latest period, else 0
*/
SELECT s.child, s.period_no,
       MAX(CASE WHEN s.starts_period = 1 THEN s.row_no END) AS first_row_no,
       MAX(CASE WHEN s.ends_period = 1 THEN s.row_no END) AS last_row_no,
       MIN(s.decom) AS period_start,
       MAX(CASE WHEN s.ends_period = 1 THEN s.dec END) AS period_end,
       MAX(CASE WHEN s.starts_period = 1 THEN s.rne END) AS first_rne,
       MAX(CASE WHEN s.ends_period = 1 THEN s.rec END) AS last_rec,
       COUNT(*) AS episodes,
       CASE WHEN MAX(CASE WHEN s.ends_period = 1 AND s.dec IS NOT NULL AND s.dec <= {{ period_end }} THEN 1 ELSE 0 END) = 1
            THEN 0 ELSE 1 END AS open_at_end,
       MAX(s.is_last) AS is_last_period
FROM {{ rel('episodes_seq') }} AS s
WHERE s.in_seq = 1
GROUP BY s.child, s.period_no
