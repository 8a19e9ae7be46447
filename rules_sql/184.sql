/*
code: '184'
name: placed_for_adoption_before_birth
message: Date of decision that a child should be placed for adoption is before the child was born.
fields: [DATE_PLACED, DOB]
tables: [header, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  We compare DATE_PLACED with the child's DOB in the Header, as the DfE rule does (in the XML
  return the child's only DOB is in the header). The peer's merge suffixes leave it comparing
  with the DOB column of the PlacedAdoption CSV instead, so it differs when the two DOBs differ
  or the child has no Header row, and it flags every row with a valid DATE_PLACED whose
  PlacedAdoption DOB is blank or invalid (a failed comparison counts as an error there).
*/
-- Flags the placed-for-adoption row; only valid dates are compared.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.date_placed IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = p.child AND h.dob > p.date_placed)
