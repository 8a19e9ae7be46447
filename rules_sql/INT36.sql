/*
code: INT36
name: child_repeated_in_uasc
message: 'Internal Check: Child should only exist once in UASC.'
fields: [CHILD]
tables: [uasc]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every UASC row whose CHILD appears on another UASC row; a blank CHILD is not an id.
SELECT 'uasc' AS table_name, x.row_no, x.child
FROM uasc AS x
WHERE EXISTS (
  SELECT 1 FROM uasc AS o
  WHERE o.child = x.child AND ssda_eq_cs(o.child, x.child) AND o.row_no <> x.row_no
)
