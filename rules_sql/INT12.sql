/*
code: INT12
name: placed_for_adoption_dob_differs_from_header
message: 'Internal Check: DOB in PlacedAdoption is different to DOB in Header.'
fields: [DOB]
tables: [header, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  CHILD ids are matched case-sensitively after trimming spaces; the peer upper-cases every value and
  keeps spaces. Dates are trimmed in staging, so ' 01/04/2020 ' is compared by us and ignored by the
  peer, as is a real date outside pandas' range (before 1677), which the peer cannot read.
*/
-- Flag a PlacedAdoption row whose valid DOB differs from the valid DOB of a Header row for the same
-- child (any of them, if the child is repeated in Header). Blank or invalid dates are not compared.
SELECT 'placed_for_adoption' AS table_name, x.row_no, x.child
FROM placed_for_adoption AS x
WHERE x.dob IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM header AS h
    WHERE h.child = x.child AND ssda_eq_cs(h.child, x.child)
      AND h.dob IS NOT NULL AND h.dob <> x.dob
  )
