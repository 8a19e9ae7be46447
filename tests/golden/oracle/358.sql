/* Flags each J1/J2/J3 episode that starts before the child's 10th birthday, and the child's */
/* Header row. Only valid dates are compared. */
SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes e
WHERE
  NLSSORT(e.ls, 'NLS_SORT=BINARY') IN (
    NLSSORT('J1', 'NLS_SORT=BINARY'),
    NLSSORT('J2', 'NLS_SORT=BINARY'),
    NLSSORT('J3', 'NLS_SORT=BINARY')
  )
  AND NOT e.decom IS NULL
  AND EXISTS(
    SELECT
      1
    FROM header h
    WHERE
      NLSSORT(h.child, 'NLS_SORT=BINARY') = NLSSORT(e.child, 'NLS_SORT=BINARY')
      AND h.dob > LEAST(ADD_MONTHS(TRUNC(e.decom, 'MM'), 12 * -10) + (EXTRACT(DAY FROM e.decom) - 1), LAST_DAY(ADD_MONTHS(TRUNC(e.decom, 'MM'), 12 * -10)))
  )
UNION ALL
SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header h
WHERE
  NOT h.dob IS NULL
  AND EXISTS(
    SELECT
      1
    FROM episodes e
    WHERE
      NLSSORT(e.child, 'NLS_SORT=BINARY') = NLSSORT(h.child, 'NLS_SORT=BINARY')
      AND NLSSORT(e.ls, 'NLS_SORT=BINARY') IN (
        NLSSORT('J1', 'NLS_SORT=BINARY'),
        NLSSORT('J2', 'NLS_SORT=BINARY'),
        NLSSORT('J3', 'NLS_SORT=BINARY')
      )
      AND NOT e.decom IS NULL
      AND h.dob > LEAST(ADD_MONTHS(TRUNC(e.decom, 'MM'), 12 * -10) + (EXTRACT(DAY FROM e.decom) - 1), LAST_DAY(ADD_MONTHS(TRUNC(e.decom, 'MM'), 12 * -10)))
  )
