/*
code: '444'
name: duplicate_upn
message: Duplicate UPN has been reported
fields: [UPN]
tables: [header]
years: 2025/26-
differs_from_peer: >
  UPNs are compared case-sensitively after trimming spaces; the peer upper-cases every value first,
  so for it 'un1' is an allowed default code and 'a123...' duplicates 'A123...'. We flag repeated
  'un1' (it is not one of the default codes, and rule 168 flags it too) and treat UPNs that differ
  in case as different.
*/
-- If <UPN> is provided and is not UN1-UN5 it must be unique within the return: flag every row
-- whose UPN appears on another Header row (the same child repeated included).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.upn IS NOT NULL
  AND h.upn NOT IN {{ codes('UPN') }}
  AND EXISTS (
    SELECT 1 FROM header AS o
    WHERE o.upn = h.upn AND ssda_eq_cs(o.upn, h.upn) AND o.row_no <> h.row_no
  )
