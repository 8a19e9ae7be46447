SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header AS h
WHERE
  h.sex IS NULL OR NOT h.sex IN ('M', 'F', 'U')
