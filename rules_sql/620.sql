/*
code: '620'
name: mother_under_11
message: >-
  Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of
  age.
fields: [DOB, MOTHER]
tables: [header]
years: 2023/24-
differs_from_peer: >
  MOTHER and DOB are trimmed in staging; the peer keeps the spaces, so for it ' 1' is not a mother
  and ' 01/04/2020 ' is not a date.
*/
-- MOTHER = 1 needs the child to be 11 or older at the collection start: the 11th birthday
-- (29 February births: 28 February, as the peer) must be on or before 1 April.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mother = '1' AND ssda_add_years(h.dob, 11) > {{ collection_start }}
