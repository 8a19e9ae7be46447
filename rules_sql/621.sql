/*
code: '621'
name: mother_younger_than_child
message: Mother’s field has been completed but date of birth shows that the mother is younger than her child.
fields: [DOB, MC_DOB]
tables: [header]
years: 2023/24-
differs_from_peer: >
  Only rows with both dates valid are judged; the peer also flags every valid MC_DOB whose DOB is
  blank or not a date (its comparison with a missing DOB is false), which rule 102 reports.
*/
-- The mother's child must be born after the mother (a child born on her own birthday is flagged,
-- as in the peer).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mc_dob <= h.dob
