/*
code: '624'
name: mother_child_dob_differs_from_last_year
message: Date of birth of the first child contradicts the date of birth of the first child previously recorded.
fields: [MC_DOB]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  The message is the DfE text; rules.csv carries it as the peer's two Python string pieces
  joined with +. Valid dates are compared as dates, so 1/2/2020 and 01/02/2020 agree; the peer
  compares the text and flags them. A date that is not valid on either side is compared as text.
*/
-- A child whose first child's date of birth (MC_DOB) was recorded last year (on a row of last
-- year's header) must have the same MC_DOB this year: blank or a different date contradicts it.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND NOT ssda_is_blank(l.mc_dob_raw)
      AND (ssda_is_blank(h.mc_dob_raw)
           OR (h.mc_dob IS NOT NULL AND l.mc_dob IS NOT NULL AND h.mc_dob <> l.mc_dob)
           OR ((h.mc_dob IS NULL OR l.mc_dob IS NULL) AND NOT ssda_eq_cs(h.mc_dob_raw, l.mc_dob_raw)))
  )
