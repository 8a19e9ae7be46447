SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes AS e
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM header AS h
    WHERE
      h.child = e.child
  )
