/*
code: '146'
name: placement_type_not_valid
message: Placement type code is not a valid code.
fields: [PLACE]
tables: [episodes]
years: 2023/24
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces. The peer upper-cases every value
  but does not trim: it accepts 'u1' (we flag it) and flags 'K2 ' with a trailing space (we accept it).
*/
-- 2023/24 code list: H5, P2 and Z1 are still codes; K3 does not exist yet. P2 on an episode
-- open after 28/10/2023 is rule 217t's error, not this one's.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IS NOT NULL
  AND e.place NOT IN ('A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3',
                      'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6',
                      'Z1')
