/*
code: 205C
name: uasc_ceased_date_for_non_uasc_child
message: Child not identified as UASC either this year or last year but date UASC ceased has been provided.
fields: [DUC, UASC]
tables: [uasc, uasc_last, header, header_last]
years: 2023/24-
differs_from_peer: >
  Header.UASC is the staged flag (XML: the <UASC> element; CSV: 1 when the child has a UASC row,
  as the peer's ingress does), so for a CSV return the rule can fire only for a UASC row without a
  Header row.
  UASC flags and CHILD ids are trimmed and compared exactly; the peer keeps spaces.
*/
-- A child with a UASC row this year whose UASC flag is 0 or unknown (no Header row) this year and
-- last year (no UASC_last row or Header_last row counts as unknown), but with a valid DUC in this
-- year's or last year's UASC row. Flags the UASC row and the Header row.
WITH r205c_hits AS (
  SELECT u.row_no AS uasc_row, u.child, h.row_no AS header_row
  FROM uasc AS u
  LEFT JOIN header AS h ON h.child = u.child
  LEFT JOIN uasc_last AS ul ON ul.child = u.child
  LEFT JOIN header_last AS hl ON hl.child = ul.child
  WHERE (h.uasc IS NULL OR h.uasc = '0')
    AND (hl.uasc IS NULL OR hl.uasc = '0')
    AND (u.duc IS NOT NULL OR ul.duc IS NOT NULL)
)
SELECT 'uasc' AS table_name, r.uasc_row AS row_no, r.child FROM r205c_hits AS r
UNION ALL
SELECT 'header' AS table_name, r.header_row AS row_no, r.child FROM r205c_hits AS r
WHERE r.header_row IS NOT NULL
