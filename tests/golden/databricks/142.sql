/* Every sequenced episode except the child's latest (by DECOM, ties by row) must have both DEC and */
/* REC. Episodes without a valid DECOM take no part. */
SELECT
  'episodes' AS table_name,
  s.row_no,
  s.child
FROM episodes_seq AS s
WHERE
  s.in_seq = 1 AND s.is_last = 0 AND (
    s.dec IS NULL OR s.rec IS NULL
  )
