/*
code: INT32
name: child_repeated_in_header
message: 'Internal Check: Child should only exist once in Header.'
fields: [CHILD]
tables: [header]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every Header row whose CHILD appears on another Header row; a blank CHILD is not an id.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE EXISTS (
  SELECT 1 FROM header AS o
  WHERE o.child = h.child AND ssda_eq_cs(o.child, h.child) AND o.row_no <> h.row_no
)
