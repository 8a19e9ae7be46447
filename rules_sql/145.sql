/*
code: '145'
name: category_of_need_not_valid
message: Category of need code is not a valid code.
fields: [CIN]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: CIN}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces. The peer upper-cases every value
  but does not trim: it accepts 'n1' (we flag it) and flags 'N1 ' with a trailing space (we accept it).
*/
-- A blank CIN is not an invalid code (missing values are other rules' business).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.cin IS NOT NULL AND e.cin NOT IN {{ codes('CIN') }}
