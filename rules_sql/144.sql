/*
code: '144'
name: legal_status_not_valid
message: The legal status code is not a valid code.
fields: [LS]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: LS}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces. The peer upper-cases every value
  but does not trim: it accepts 'c1' (we flag it) and flags 'C1 ' with a trailing space (we accept it).
*/
-- A blank LS is not an invalid code (missing values are other rules' business).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IS NOT NULL
  AND e.ls NOT IN {{ codes('LS') }}
