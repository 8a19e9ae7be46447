/*
code: 205B
name: uasc_both_years_ceased_dates_contradict
message: Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.
fields: [DUC, UASC]
tables: [uasc, uasc_last, header, header_last]
years: 2023/24-
differs_from_peer: >
  Header.UASC is the staged flag (XML: the <UASC> element; CSV: 1 when the child has a UASC row,
  as the peer's ingress does).
  UASC flags and CHILD ids are trimmed and compared exactly; the peer keeps spaces.
*/
-- A child UASC in both years (Header.UASC and Header_last.UASC 1, with a UASC row each year): last
-- year's DUC must be the 18th birthday of last year's DOB (29 February: 28 February), and this
-- year's DUC must fall in this collection year or equal last year's DUC. A blank or invalid date
-- does not meet either. Flags the UASC row and the Header row.
WITH r205b_hits AS (
  SELECT u.row_no AS uasc_row, u.child, h.row_no AS header_row
  FROM uasc AS u
  JOIN header AS h ON h.child = u.child
  JOIN uasc_last AS ul ON ul.child = u.child
  JOIN header_last AS hl ON hl.child = ul.child
  WHERE h.uasc = '1'
    AND hl.uasc = '1'
    AND ((NOT (u.duc >= {{ collection_start }} AND u.duc <= {{ collection_end }})
          AND NOT (u.duc = ul.duc))
         OR u.duc IS NULL
         OR ul.duc IS NULL
         OR ul.dob IS NULL
         OR ul.duc <> ssda_add_years(ul.dob, 18))
)
SELECT 'uasc' AS table_name, r.uasc_row AS row_no, r.child FROM r205b_hits AS r
UNION ALL
SELECT 'header' AS table_name, r.header_row AS row_no, r.child FROM r205b_hits AS r
