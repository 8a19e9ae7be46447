/*
code: INT14
name: oc2_dob_differs_from_header
message: 'Internal Check: DOB in OC2 is different to DOB in Header.'
fields: [DOB]
tables: [header, oc2]
years: 2023/24-
differs_from_peer: >
  CHILD ids are matched case-sensitively after trimming spaces; the peer upper-cases every value and
  keeps spaces. Dates are trimmed in staging, so ' 01/04/2020 ' is compared by us and ignored by the
  peer, as is a real date outside pandas' range (before 1677), which the peer cannot read.
*/
-- Flag a OC2 row whose valid DOB differs from the valid DOB of a Header row for the same
-- child (any of them, if the child is repeated in Header). Blank or invalid dates are not compared.
SELECT 'oc2' AS table_name, x.row_no, x.child
FROM oc2 AS x
WHERE x.dob IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM header AS h
    WHERE h.child = x.child AND ssda_eq_cs(h.child, x.child)
      AND h.dob IS NOT NULL AND h.dob <> x.dob
  )
