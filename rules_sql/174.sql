/*
code: '174'
name: mother_child_dob_for_male_child
message: Mother's child date of birth is recorded but gender shows that the child is a male.
fields: [SEX, MC_DOB]
tables: [header]
years: 2023/24
differs_from_peer: >
  Codes are compared exactly after trimming spaces, and an MC_DOB of only spaces is not recorded;
  the peer keeps spaces, so it reads ' 1' as not male and ' ' as a recorded date.
*/
-- Until 2023/24 SEX 1 is male. A recorded MC_DOB need not be a valid date (rule 171 checks that).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex = '1'
  AND NOT ssda_is_blank(h.mc_dob_raw)
