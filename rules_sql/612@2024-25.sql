/*
code: '612'
name: mother_child_dob_but_not_mother
message: Date of birth field has been completed but mother field indicates child is not a mother.
fields: [SEX, MOTHER, MC_DOB]
tables: [header]
years: 2024/25-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value first,
  so it treats SEX 'f' as female, and it keeps spaces, so ' 0' or ' ' in MOTHER is neither 0 nor
  blank and ' ' in MC_DOB is completed.
*/
-- From 2024/25 SEX is M/F/U: a female child (SEX F) with MC_DOB completed (even if not a valid
-- date) must have MOTHER = 1: flag MOTHER 0 or blank.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex = 'F'
  AND (h.mother = '0' OR h.mother IS NULL)
  AND NOT ssda_is_blank(h.mc_dob_raw)
