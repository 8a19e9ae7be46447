/* When the child's final episode last year (latest valid DECOM, ties by row) was still open (DEC */
/* blank or not a valid date), the child's first episode this year (earliest valid DECOM, ties by */
/* row) must have the same RNE. A blank RNE on one side only counts as different. */
SELECT
  'episodes' AS table_name,
  f.row_no,
  f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p
  ON p.child = f.child AND p.is_last = 1
WHERE
  f.is_first = 1
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
