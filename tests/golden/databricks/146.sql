/* The year's placement codes. In 2023/24 H5, P2 and Z1 are still codes (P2 on an episode open */
/* after 28/10/2023 is rule 217t's error, not this one's). A retired code stays acceptable on an */
/* episode whose valid DEC shows it ended while the code was in use; an open episode, or one whose */
/* DEC is missing or not a date, must carry a current code. */
SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes AS e
WHERE
  NOT e.place IS NULL
  AND NOT e.place IN (
    'A3',
    'A4',
    'A5',
    'A6',
    'K1',
    'K2',
    'K3',
    'P1',
    'P3',
    'R1',
    'R2',
    'R3',
    'R5',
    'S1',
    'T0',
    'T1',
    'T2',
    'T3',
    'T4',
    'U1',
    'U2',
    'U3',
    'U4',
    'U5',
    'U6',
    'Z11',
    'Z12',
    'Z13',
    'Z14'
  )
  AND NOT (
    e.place = 'H5' AND NOT e.dec IS NULL AND e.dec <= DATE '2024-03-31'
  )
  AND NOT (
    e.place = 'P2' AND NOT e.dec IS NULL AND e.dec <= DATE '2023-10-28'
  )
  AND NOT (
    e.place = 'Z1' AND NOT e.dec IS NULL AND e.dec <= DATE '2025-03-31'
  )
