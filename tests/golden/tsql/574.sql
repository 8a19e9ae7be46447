/* A period overlaps when the previous one is still open (MIS_END blank, or not a valid date as */
/* in the peer) or ends after this one starts. Starting on the day the previous ended is fine. */
WITH r574_periods AS (
  SELECT
    m.row_no AS row_no,
    m.child AS child,
    m.mis_start AS mis_start,
    ROW_NUMBER() OVER (
      PARTITION BY m.child
      ORDER BY CASE WHEN m.mis_start IS NULL THEN 1 ELSE 0 END, m.mis_start, CASE WHEN CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END IS NULL THEN 1 ELSE 0 END, CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END, CASE WHEN m.mis_end IS NULL THEN 1 ELSE 0 END, m.mis_end, CASE WHEN m.row_no IS NULL THEN 1 ELSE 0 END, m.row_no
    ) AS r574_pos,
    LAG(m.mis_end) OVER (
      PARTITION BY m.child
      ORDER BY CASE WHEN m.mis_start IS NULL THEN 1 ELSE 0 END, m.mis_start, CASE WHEN CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END IS NULL THEN 1 ELSE 0 END, CASE WHEN m.mis_end IS NULL THEN 0 ELSE 1 END, CASE WHEN m.mis_end IS NULL THEN 1 ELSE 0 END, m.mis_end, CASE WHEN m.row_no IS NULL THEN 1 ELSE 0 END, m.row_no
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
