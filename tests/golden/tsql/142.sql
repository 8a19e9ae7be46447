/* Every episode except the child's latest (by DECOM) must have both DEC and REC. */
WITH r142_ranked AS (
  SELECT
    e.row_no AS row_no,
    e.child AS child,
    e.dec AS dec,
    e.rec AS rec,
    e.decom AS decom,
    ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom DESC, e.row_no DESC) AS r142_pos
  FROM episodes AS e
  WHERE
    NOT e.child IS NULL AND NOT e.decom IS NULL
)
SELECT
  'episodes' AS table_name,
  r.row_no,
  r.child
FROM r142_ranked AS r
WHERE
  r.r142_pos > 1 AND (
    r.dec IS NULL OR r.rec IS NULL
  )
