/*
code: INT35
name: child_repeated_in_previous_permanence
message: 'Internal Check: Child should only exist once in PrevPerm.'
fields: [CHILD]
tables: [previous_permanence]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every PrevPerm row whose CHILD appears on another PrevPerm row; a blank CHILD is not an id.
SELECT 'previous_permanence' AS table_name, x.row_no, x.child
FROM previous_permanence AS x
WHERE EXISTS (
  SELECT 1 FROM previous_permanence AS o
  WHERE o.child = x.child AND ssda_eq_cs(o.child, x.child) AND o.row_no <> x.row_no
)
