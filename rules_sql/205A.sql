/*
code: 205A
name: uasc_ceased_dates_contradict_status_change
message: Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.
fields: [CHILD, UASC]
tables: [uasc, uasc_last, header, header_last]
years: 2023/24-
differs_from_peer: >
  Header.UASC is the staged flag (XML: the <UASC> element; CSV: 1 when the child has a UASC row,
  as the peer's ingress does), so for a CSV return the rule can fire only for a UASC row without a
  Header row.
  UASC flags and CHILD ids are trimmed and compared exactly; the peer keeps spaces.
*/
-- A child with a UASC row this year and last year, UASC last year (Header_last.UASC 1) and not this
-- year (Header.UASC other than 1 or no Header row): this year's DUC must be blank and last year's
-- DUC a valid date within last year's collection period. Flags the UASC row and the Header row.
WITH r205a_hits AS (
  SELECT u.row_no AS uasc_row, u.child, h.row_no AS header_row
  FROM uasc AS u
  LEFT JOIN header AS h ON h.child = u.child
  JOIN uasc_last AS ul ON ul.child = u.child
  JOIN header_last AS hl ON hl.child = ul.child
  WHERE (h.uasc IS NULL OR h.uasc <> '1')
    AND hl.uasc = '1'
    AND (NOT ssda_is_blank(u.duc_raw)
         OR ul.duc IS NULL
         OR ul.duc < {{ previous_start }}
         OR ul.duc > {{ previous_end }})
)
SELECT 'uasc' AS table_name, r.uasc_row AS row_no, r.child FROM r205a_hits AS r
UNION ALL
SELECT 'header' AS table_name, r.header_row AS row_no, r.child FROM r205a_hits AS r
WHERE r.header_row IS NOT NULL
