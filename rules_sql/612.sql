/*
code: '612'
name: mother_child_dob_but_not_mother
message: Date of birth field has been completed but mother field indicates child is not a mother.
fields: [SEX, MOTHER, MC_DOB]
tables: [header]
years: 2023/24
differs_from_peer: >
  Codes are compared after trimming spaces; the peer keeps them, so for it SEX ' 2' is not female,
  ' 0' or ' ' in MOTHER is neither 0 nor blank, and ' ' in MC_DOB is completed.
*/
-- A female child (SEX 2) with MC_DOB completed (even if not a valid date) must have MOTHER = 1:
-- flag MOTHER 0 or blank.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex = '2'
  AND (h.mother = '0' OR h.mother IS NULL)
  AND NOT ssda_is_blank(h.mc_dob_raw)
