/*
code: INT04
name: missing_child_not_in_header
message: 'Internal Check: Child in Missing does not exist in Header.'
fields: [CHILD]
tables: [header, missing]
years: 2023/24-
differs_from_peer: >
  CHILD ids are matched case-sensitively after trimming spaces; the peer upper-cases every value
  and keeps spaces. A row with a blank CHILD is always flagged (a blank is no id); the
  peer's merge pairs a blank CHILD with a blank Header CHILD, so it flags it only when Header has
  no blank CHILD.
*/
-- Flag every Missing row whose CHILD has no Header row (a blank CHILD matches nothing).
SELECT 'missing' AS table_name, x.row_no, x.child
FROM missing AS x
WHERE NOT EXISTS (
  SELECT 1 FROM header AS h
  WHERE h.child = x.child AND ssda_eq_cs(h.child, x.child)
)
