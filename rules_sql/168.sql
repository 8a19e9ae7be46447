/*
code: '168'
name: upn_not_valid
message: >-
  Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or
  UN5.
fields: [UPN]
tables: [header]
years: 2023/24-
fix: {kind: code, field: UPN}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value first,
  so it accepts 'un1' or a UPN with a lower-case letter, which we flag, and it flags a UPN with a
  leading or trailing space, which we trim.
*/
-- A provided UPN must be a letter (not I, O or S), 11 digits and a digit or letter, or UN1-UN5.
-- A blank UPN is rule 442's business.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.upn IS NOT NULL
  AND h.upn NOT IN {{ codes('UPN') }}
  AND NOT ssda_is_upn_shape(h.upn)
