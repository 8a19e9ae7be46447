/*
code: '303'
name: uasc_ceased_but_not_uasc
message: If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.
fields: [DUC, UASC]
tables: [header, uasc]
years: 2023/24-
differs_from_peer: >
  CHILD ids and the UASC flag are compared as trimmed text, case-sensitively; the peer upper-cases
  ids and reads the flag as a number, so an XML flag written '1.0' is 1 for it and not for us.
  A DUC of spaces only is blank for us; the peer keeps the spaces and counts it as provided.
  On an XML return a child with a DUC but an empty <UASC /> flag has a UASC row for us and is
  flagged; the peer's XML reader makes no UASC row for it. On CSVs with a child repeated in
  uasc.csv the peer's derived Header.UASC shifts to the wrong children (its known bug), so it
  flags Header and UASC rows of children whose flag is really 1 (47 rows on a stress set with
  3 repeated UASC rows); our derived flag is right, so we flag none.
*/
-- If <DUC> is provided (any text, a valid date or not), the child's Header UASC must be '1'.
-- Flags the UASC row and the Header row of the child. For a CSV return Header.UASC is derived as
-- '1' for every child with a UASC row, so this fires only on an XML return (or a warehouse
-- mapping) whose native UASC flag is not 1 where a DUC is given.
SELECT 'uasc' AS table_name, u.row_no, u.child
FROM uasc AS u
WHERE NOT ssda_is_blank(u.duc_raw)
  AND EXISTS (
    SELECT 1 FROM header AS h
    WHERE h.child = u.child AND ssda_eq_cs(h.child, u.child)
      AND (h.uasc IS NULL OR h.uasc <> '1')
  )
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE (h.uasc IS NULL OR h.uasc <> '1')
  AND EXISTS (
    SELECT 1 FROM uasc AS u
    WHERE u.child = h.child AND ssda_eq_cs(u.child, h.child)
      AND NOT ssda_is_blank(u.duc_raw)
  )
