/*
code: '626'
name: new_mother_with_child_born_before_year
message: Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.
fields: [MOTHER, MC_DOB]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  The message is the DfE text; rules.csv carries it as the peer's two Python string pieces
  joined with +. MOTHER is compared as text (1 and 0); the peer converts it to a number, so it
  also reads '1.0' or '01' as 1.
*/
-- A child recorded as a mother this year (MOTHER 1) but not last year (MOTHER 0 on a row of last
-- year's header) whose first child was born (MC_DOB, a valid date) before 1 April of this year:
-- the birth should then have been recorded last year.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mother = '1'
  AND h.mc_dob < {{ collection_start }}
  AND EXISTS (SELECT 1 FROM header_last AS l WHERE l.child = h.child AND l.mother = '0')
