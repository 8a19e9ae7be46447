/* The year's placement codes. In 2023/24 H5, P2 and Z1 are still codes (P2 on an episode open */
/* after 28/10/2023 is rule 217t's error, not this one's). A retired code stays acceptable on an */
/* episode whose valid DEC shows it ended while the code was in use; an open episode, or one whose */
/* DEC is missing or not a date, must carry a current code. */
SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes e
WHERE
  NOT e.place IS NULL
  AND NOT NLSSORT(e.place, 'NLS_SORT=BINARY') IN (
    NLSSORT('A3', 'NLS_SORT=BINARY'),
    NLSSORT('A4', 'NLS_SORT=BINARY'),
    NLSSORT('A5', 'NLS_SORT=BINARY'),
    NLSSORT('A6', 'NLS_SORT=BINARY'),
    NLSSORT('K1', 'NLS_SORT=BINARY'),
    NLSSORT('K2', 'NLS_SORT=BINARY'),
    NLSSORT('K3', 'NLS_SORT=BINARY'),
    NLSSORT('P1', 'NLS_SORT=BINARY'),
    NLSSORT('P3', 'NLS_SORT=BINARY'),
    NLSSORT('R1', 'NLS_SORT=BINARY'),
    NLSSORT('R2', 'NLS_SORT=BINARY'),
    NLSSORT('R3', 'NLS_SORT=BINARY'),
    NLSSORT('R5', 'NLS_SORT=BINARY'),
    NLSSORT('S1', 'NLS_SORT=BINARY'),
    NLSSORT('T0', 'NLS_SORT=BINARY'),
    NLSSORT('T1', 'NLS_SORT=BINARY'),
    NLSSORT('T2', 'NLS_SORT=BINARY'),
    NLSSORT('T3', 'NLS_SORT=BINARY'),
    NLSSORT('T4', 'NLS_SORT=BINARY'),
    NLSSORT('U1', 'NLS_SORT=BINARY'),
    NLSSORT('U2', 'NLS_SORT=BINARY'),
    NLSSORT('U3', 'NLS_SORT=BINARY'),
    NLSSORT('U4', 'NLS_SORT=BINARY'),
    NLSSORT('U5', 'NLS_SORT=BINARY'),
    NLSSORT('U6', 'NLS_SORT=BINARY'),
    NLSSORT('Z11', 'NLS_SORT=BINARY'),
    NLSSORT('Z12', 'NLS_SORT=BINARY'),
    NLSSORT('Z13', 'NLS_SORT=BINARY'),
    NLSSORT('Z14', 'NLS_SORT=BINARY')
  )
  AND NOT (
    NLSSORT(e.place, 'NLS_SORT=BINARY') = NLSSORT('H5', 'NLS_SORT=BINARY')
    AND NOT e.dec IS NULL
    AND e.dec <= DATE '2024-03-31'
  )
  AND NOT (
    NLSSORT(e.place, 'NLS_SORT=BINARY') = NLSSORT('P2', 'NLS_SORT=BINARY')
    AND NOT e.dec IS NULL
    AND e.dec <= DATE '2023-10-28'
  )
  AND NOT (
    NLSSORT(e.place, 'NLS_SORT=BINARY') = NLSSORT('Z1', 'NLS_SORT=BINARY')
    AND NOT e.dec IS NULL
    AND e.dec <= DATE '2025-03-31'
  )
