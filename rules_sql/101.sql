/*
code: '101'
name: sex_code_not_valid
message: Gender code is not valid.
fields: [SEX]
tables: [header]
years: 2023/24
fix: {kind: code, field: SEX}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value first.
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex IS NULL OR h.sex NOT IN {{ codes('SEX') }}
