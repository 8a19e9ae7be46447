SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header h
WHERE
  h.sex IS NULL
  OR NOT NLSSORT(h.sex, 'NLS_SORT=BINARY') IN (
    NLSSORT('M', 'NLS_SORT=BINARY'),
    NLSSORT('F', 'NLS_SORT=BINARY'),
    NLSSORT('U', 'NLS_SORT=BINARY')
  )
