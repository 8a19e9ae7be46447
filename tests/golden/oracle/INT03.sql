SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes e
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM header h
    WHERE
      h.child = e.child
  )
