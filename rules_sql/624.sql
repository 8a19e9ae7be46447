/*
code: '624'
name: mother_child_dob_differs_from_last_year
message: Date of birth of the first child contradicts the date of birth of the first child previously recorded.
fields: [MC_DOB]
tables: [header, header_last, episodes]
years: 2023/24-
differs_from_peer: >
  The message is the DfE text; rules.csv carries it as the peer's two Python string pieces
  joined with +. Valid dates are compared as dates, so 1/2/2020 and 01/02/2020 agree; the peer
  compares the text and flags them. A date that is not valid on either side is compared as text.
  A blank MC_DOB contradicts nothing for a care leaver not looked after this year (no episode in
  this year's return): rule 628 says their motherhood details are not required, so the peer's
  reading makes 624 or 628 fire on every such young mother whatever the council records.
*/
-- A child whose first child's date of birth (MC_DOB) was recorded last year (on a row of last
-- year's header) must have the same MC_DOB this year: a different date contradicts it, and so
-- does a blank one, unless the child was not looked after this year (628: then none is required).
-- (la: children with an episode this year, joined outside the EXISTS: Spark resolves a
-- correlated column only from the query directly outside.)
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
LEFT JOIN (SELECT DISTINCT e.child FROM episodes AS e) AS la ON la.child = h.child
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND NOT ssda_is_blank(l.mc_dob_raw)
      AND ((ssda_is_blank(h.mc_dob_raw) AND la.child IS NOT NULL)
           OR (h.mc_dob IS NOT NULL AND l.mc_dob IS NOT NULL AND h.mc_dob <> l.mc_dob)
           OR ((h.mc_dob IS NULL OR l.mc_dob IS NULL) AND NOT ssda_eq_cs(h.mc_dob_raw, l.mc_dob_raw)))
  )
