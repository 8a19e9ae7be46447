/*
code: '176'
name: sex_of_adopters_not_valid
message: The gender of adopter(s) at the date of adoption code is not a valid code.
fields: [SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
fix: {kind: code, field: SEX_ADOPTR}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first and does not trim, so it accepts a lower-case code and reports a code with spaces around it
  or a cell of only spaces (blank here).
*/
-- SEX_ADOPTR may be blank (rule 151 asks for all or none of the adoption items); a value outside the
-- DfE code list is an error.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR') }}
