/* When the child's final episode last year (latest valid DECOM, ties by row) was still open (DEC */
/* blank or not a valid date), the child's first episode this year (earliest valid DECOM, ties by */
/* row) must have the same RNE. A blank RNE on one side only counts as different. */
SELECT
  'episodes' AS table_name,
  f.row_no,
  f.child
FROM episodes_seq f
JOIN episodes_seq_last p
  ON NLSSORT(p.child, 'NLS_SORT=BINARY') = NLSSORT(f.child, 'NLS_SORT=BINARY')
  AND p.is_last = 1
WHERE
  f.is_first = 1
  AND p.dec IS NULL
  AND (
    NLSSORT(f.rne, 'NLS_SORT=BINARY') <> NLSSORT(p.rne, 'NLS_SORT=BINARY')
    OR (
      f.rne IS NULL AND NOT p.rne IS NULL
    )
    OR (
      NOT f.rne IS NULL AND p.rne IS NULL
    )
  )
