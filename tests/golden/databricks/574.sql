/* A period overlaps when the previous one is still open (MIS_END blank, or not a valid date as */
/* in the peer) or ends after this one starts. Starting on the day the previous ended is fine. */
WITH r574_periods AS (
  SELECT
    m.row_no,
    m.child,
    m.mis_start,
    ROW_NUMBER() OVER (
      PARTITION BY m.child
      ORDER BY m.mis_start NULLS LAST, CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END NULLS LAST, m.mis_end NULLS LAST, m.row_no NULLS LAST
    ) AS r574_pos,
    LAG(m.mis_end) OVER (
      PARTITION BY m.child
      ORDER BY m.mis_start NULLS LAST, CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END NULLS LAST, m.mis_end NULLS LAST, m.row_no NULLS LAST
    ) AS r574_prev_end
  FROM missing AS m
  WHERE
    NOT m.child IS NULL AND NOT m.mis_start IS NULL
)
SELECT
  'missing' AS table_name,
  p.row_no,
  p.child
FROM r574_periods AS p
WHERE
  p.r574_pos > 1 AND (
    p.r574_prev_end IS NULL OR p.r574_prev_end > p.mis_start
  )
