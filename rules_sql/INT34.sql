/*
code: INT34
name: child_repeated_in_oc3
message: 'Internal Check: Child should only exist once in OC3.'
fields: [CHILD]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every OC3 row whose CHILD appears on another OC3 row; a blank CHILD is not an id.
SELECT 'oc3' AS table_name, x.row_no, x.child
FROM oc3 AS x
WHERE EXISTS (
  SELECT 1 FROM oc3 AS o
  WHERE o.child = x.child AND ssda_eq_cs(o.child, x.child) AND o.row_no <> x.row_no
)
