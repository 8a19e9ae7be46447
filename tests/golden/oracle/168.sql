/* A provided UPN must be a letter (not I, O or S), 11 digits and a digit or letter, or UN1-UN5. */
/* A blank UPN is rule 442's business. */
SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header h
WHERE
  NOT h.upn IS NULL
  AND NOT NLSSORT(h.upn, 'NLS_SORT=BINARY') IN (
    NLSSORT('UN1', 'NLS_SORT=BINARY'),
    NLSSORT('UN2', 'NLS_SORT=BINARY'),
    NLSSORT('UN3', 'NLS_SORT=BINARY'),
    NLSSORT('UN4', 'NLS_SORT=BINARY'),
    NLSSORT('UN5', 'NLS_SORT=BINARY')
  )
  AND NOT REGEXP_LIKE(h.upn, '^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-Z]$', 'c')
