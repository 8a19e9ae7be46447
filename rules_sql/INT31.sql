/*
code: INT31
name: child_repeated_in_ad1
message: 'Internal Check: Child should only exist once in AD1.'
fields: [CHILD]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  CHILD ids are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so 'a1' repeats 'A1' for it) and keeps spaces (so '1 ' does not repeat '1').
*/
-- Flag every AD1 row whose CHILD appears on another AD1 row; a blank CHILD is not an id.
SELECT 'ad1' AS table_name, x.row_no, x.child
FROM ad1 AS x
WHERE EXISTS (
  SELECT 1 FROM ad1 AS o
  WHERE o.child = x.child AND ssda_eq_cs(o.child, x.child) AND o.row_no <> x.row_no
)
