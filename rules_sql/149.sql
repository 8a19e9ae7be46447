/*
code: '149'
name: reason_episode_ceased_not_valid
message: Reason episode ceased code is not valid.
fields: [REC]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: REC}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces. The peer upper-cases every value
  but does not trim: it accepts 'e11' (we flag it) and flags 'E11 ' with a trailing space (we accept it).
*/
-- A blank REC is not an invalid code (rule 148 pairs it with DEC).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IS NOT NULL
  AND e.rec NOT IN {{ codes('REC') }}
