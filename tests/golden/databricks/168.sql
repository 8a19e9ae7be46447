/* A provided UPN must be a letter (not I, O or S), 11 digits and a digit or letter, or UN1-UN5. */
/* A blank UPN is rule 442's business. */
SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header AS h
WHERE
  NOT h.upn IS NULL
  AND NOT h.upn IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
  AND NOT (h.upn RLIKE '(?s)^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-Z](?!.)')
