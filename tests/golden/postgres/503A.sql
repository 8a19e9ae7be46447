/* When the child's final episode last year (latest valid DECOM) was still open (DEC blank or not */
/* a valid date), the child's first episode this year (earliest valid DECOM) must have the same RNE. */
/* A blank RNE on one side only counts as different. */
WITH r503a_first AS (
  SELECT
    e.row_no,
    e.child,
    e.rne,
    ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom, e.row_no) AS r503a_pos
  FROM episodes AS e
  WHERE
    NOT e.child IS NULL AND NOT e.decom IS NULL
), r503a_last AS (
  SELECT
    l.child,
    l.rne,
    l.dec,
    ROW_NUMBER() OVER (PARTITION BY l.child ORDER BY l.decom DESC NULLS LAST, l.row_no DESC NULLS LAST) AS r503a_pos
  FROM episodes_last AS l
  WHERE
    NOT l.child IS NULL AND NOT l.decom IS NULL
)
SELECT
  'episodes' AS table_name,
  f.row_no,
  f.child
FROM r503a_first AS f
JOIN r503a_last AS p
  ON p.child = f.child AND p.r503a_pos = 1
WHERE
  f.r503a_pos = 1
  AND p.dec IS NULL
  AND (
    f.rne <> p.rne
    OR (
      f.rne IS NULL AND NOT p.rne IS NULL
    )
    OR (
      NOT f.rne IS NULL AND p.rne IS NULL
    )
  )
