/*
code: '611'
name: mother_child_dob_missing
message: Date of birth field is blank, but child is a mother.
fields: [MOTHER, MC_DOB]
tables: [header]
years: 2023/24-
differs_from_peer: >
  MOTHER is compared case-sensitively after trimming spaces, and an MC_DOB of only spaces counts as
  blank; the peer keeps spaces, so ' 1' is not a mother and ' ' is a completed MC_DOB for it.
*/
-- MOTHER = 1 needs MC_DOB; an MC_DOB that is present but not a valid date is rule 171's business.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mother = '1' AND ssda_is_blank(h.mc_dob_raw)
