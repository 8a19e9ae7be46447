/*
code: '114'
name: former_carer_status_not_valid
message: Data entry to record the status of former carer(s) of an adopted child is invalid.
fields: [FOSTER_CARE]
tables: [ad1]
years: 2023/24-
fix: {kind: code, field: FOSTER_CARE}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first and does not trim, so it accepts a lower-case code and reports a code with spaces around it
  or a cell of only spaces (blank here).
*/
-- FOSTER_CARE may be blank (rule 151 asks for all or none of the adoption items); a value outside the
-- DfE code list is an error.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.foster_care NOT IN {{ codes('FOSTER_CARE') }}
