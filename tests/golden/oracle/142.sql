/* Every episode except the child's latest (by DECOM) must have both DEC and REC. */
WITH r142_ranked AS (
  SELECT
    e.row_no,
    e.child,
    e.dec,
    e.rec,
    e.decom,
    ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom DESC NULLS LAST, e.row_no DESC NULLS LAST) AS r142_pos
  FROM episodes e
  WHERE
    NOT e.child IS NULL AND NOT e.decom IS NULL
)
SELECT
  'episodes' AS table_name,
  r.row_no,
  r.child
FROM r142_ranked r
WHERE
  r.r142_pos > 1 AND (
    r.dec IS NULL OR r.rec IS NULL
  )
