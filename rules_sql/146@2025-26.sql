/*
code: '146'
name: placement_type_not_valid
message: Placement type code is not a valid code.
fields: [PLACE]
tables: [episodes]
years: 2025/26-2026/27
differs_from_peer: >
  The peer rejects H5, P2 and Z1 on every episode; we accept a retired code on an episode whose
  DEC shows it ended while the code was in use (H5: on or before 31/03/2024; P2: on or before
  28/10/2023, as DfE rule 217t; Z1: on or before 31/03/2025, split into Z11-Z14 from 2025/26), so
  only an episode that ended before this collection year can differ. Codes are compared
  case-sensitively after trimming spaces; the peer upper-cases every value but does not trim (it
  accepts 'z11' and 'k3', we flag them; it flags 'K2 ' with a trailing space, we accept it).
*/
-- 2025/26 code list: Z1 split into Z11-Z14; H5 and P2 gone (K3 since 2024/25). A retired code stays
-- acceptable on an episode whose valid DEC shows it ended while the code was in use; an open
-- episode, or one whose DEC is missing or not a date, must carry a current code.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IS NOT NULL
  AND e.place NOT IN ('A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5',
                      'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11',
                      'Z12', 'Z13', 'Z14')
  AND NOT (e.place = 'H5' AND e.dec IS NOT NULL AND e.dec <= ssda_date('2024-03-31'))
  AND NOT (e.place = 'P2' AND e.dec IS NOT NULL AND e.dec <= ssda_date('2023-10-28'))
  AND NOT (e.place = 'Z1' AND e.dec IS NOT NULL AND e.dec <= ssda_date('2025-03-31'))
