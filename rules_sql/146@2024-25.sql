/*
code: '146'
name: placement_type_not_valid
message: Placement type code is not a valid code.
fields: [PLACE]
tables: [episodes]
years: 2024/25
differs_from_peer: >
  The peer's 2024/25 list spells K3 as 'k3' and, as it upper-cases the data, flags every K3
  episode (peer bug); we accept K3. The peer still accepts H5 and P2 on any episode; we accept them
  only on an episode whose DEC shows it ended while the code was in use (H5: on or before 31/03/2024,
  as K3 replaced it from 2024/25 - see the DfE 503D exception H5 -> K3; P2: on or before 28/10/2023,
  as DfE rule 217t), so an H5 or P2 episode open in 2024/25 is flagged. Codes are compared
  case-sensitively after trimming spaces; the peer upper-cases every value but does not trim (it
  accepts 'u1', we flag it; it flags 'K2 ' with a trailing space, we accept it).
*/
-- 2024/25 code list: K3 added; H5 and P2 withdrawn. A retired code stays acceptable on an episode
-- whose valid DEC shows it ended while the code was in use; an open episode, or one whose DEC is
-- missing or not a date, must carry a current code.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IS NOT NULL
  AND e.place NOT IN ('A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5',
                      'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1')
  AND NOT (e.place = 'H5' AND e.dec IS NOT NULL AND e.dec <= ssda_date('2024-03-31'))
  AND NOT (e.place = 'P2' AND e.dec IS NOT NULL AND e.dec <= ssda_date('2023-10-28'))
