/* Flags each J1/J2/J3 episode that starts before the child's 10th birthday, and the child's */
/* Header row. Only valid dates are compared. */
SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes AS e
WHERE
  e.ls IN ('J1', 'J2', 'J3')
  AND NOT e.decom IS NULL
  AND EXISTS(
    SELECT
      1
    FROM header AS h
    WHERE
      h.child = e.child AND h.dob > ADD_MONTHS(e.decom, 12 * CAST(-10 AS INT))
  )
UNION ALL
SELECT
  'header' AS table_name,
  h.row_no,
  h.child
FROM header AS h
WHERE
  NOT h.dob IS NULL
  AND EXISTS(
    SELECT
      1
    FROM episodes AS e
    WHERE
      e.child = h.child
      AND e.ls IN ('J1', 'J2', 'J3')
      AND NOT e.decom IS NULL
      AND h.dob > ADD_MONTHS(e.decom, 12 * CAST(-10 AS INT))
  )
