/*
code: INT33
name: child_repeated_in_oc2
message: 'Internal Check: Child should only exist once in OC2.'
fields: [CHILD]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every OC2 row whose CHILD appears on another OC2 row; a blank CHILD is not an id.
SELECT 'oc2' AS table_name, x.row_no, x.child
FROM oc2 AS x
WHERE EXISTS (
  SELECT 1 FROM oc2 AS o
  WHERE o.child = x.child AND ssda_eq_cs(o.child, x.child) AND o.row_no <> x.row_no
)
