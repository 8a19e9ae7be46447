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
      NLSSORT(h.child, 'NLS_SORT=BINARY') = NLSSORT(e.child, 'NLS_SORT=BINARY')
  )
