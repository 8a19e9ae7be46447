/*
code: '1006'
name: missing_type_not_valid
message: Missing type invalid.
fields: [MISSING]
tables: [missing]
years: 2023/24-
fix: {kind: code, field: MISSING}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces ('m' is an error, ' M ' is M); the
  peer upper-cases every value but does not trim.
*/
-- MISSING must be M (missing) or A (away without authorisation). A blank MISSING is left to
-- rules 565/566, which report a dated period with no type.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.missing IS NOT NULL AND m.missing NOT IN {{ codes('MISSING') }}
