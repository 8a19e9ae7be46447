/*
code: '174'
name: mother_child_dob_for_male_child
message: Mother's child date of birth is recorded but sex shows that the child is a male.
fields: [SEX, MC_DOB]
tables: [header]
years: 2024/25-
differs_from_peer: >
  Codes are compared exactly after trimming spaces, and an MC_DOB of only spaces is not recorded;
  the peer upper-cases every value but keeps spaces, so it reads 'm' as male, 'M ' as not male and
  ' ' as a recorded date.
*/
-- From 2024/25 SEX M is male (the old code 1 is rule 101's business). A recorded MC_DOB need not
-- be a valid date (rule 171 checks that).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex = 'M'
  AND NOT ssda_is_blank(h.mc_dob_raw)
