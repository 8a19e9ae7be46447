SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header AS h
WHERE
  h.sex IS NULL OR NOT h.sex COLLATE Latin1_General_BIN2 IN ('M', 'F', 'U')
