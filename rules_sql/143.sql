/*
code: '143'
name: reason_new_episode_not_valid
message: The reason for new episode code is not a valid code.
fields: [RNE]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: RNE}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces. The peer upper-cases every value
  but does not trim: it accepts 's' (we flag it) and flags 'U ' with a trailing space (we accept it).
*/
-- A blank RNE is not an invalid code (missing values are other rules' business).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rne IS NOT NULL AND e.rne NOT IN {{ codes('RNE') }}
