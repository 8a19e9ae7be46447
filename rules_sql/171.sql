/*
code: '171'
name: mother_child_dob_not_valid
message: Date of birth of mother's child is not a valid date.
fields: [MC_DOB]
tables: [header]
years: 2023/24-
fix: {kind: date, field: MC_DOB}
differs_from_peer: >
  Staging trims the text first, so ' 01/04/2025 ' is a valid date for us and an MC_DOB of only
  spaces is blank (allowed); the peer flags both. A well-formed date outside pandas' range (before
  1677 or after 2262) is flagged by the peer only.
*/
-- A blank MC_DOB is allowed; completed text must be a real dd/mm/yyyy date.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mc_dob IS NULL AND NOT ssda_is_blank(h.mc_dob_raw)
