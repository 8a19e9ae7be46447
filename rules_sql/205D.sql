/*
code: 205D
name: uasc_this_year_not_last_year
message: Child identified as UASC this year but not identified as UASC status provided for the child last year.
fields: [UASC, CHILD]
tables: [header, header_last]
needs: [uasc, uasc_last]
years: 2023/24-
differs_from_peer: >
  Header.UASC is the staged flag (XML: the <UASC> element; CSV: 1 when the child has a UASC row,
  as the peer's ingress does). uasc and uasc_last are needs: without them a CSV header's UASC is
  unknown (NULL) and every UASC child would be flagged.
  UASC flags and CHILD ids are trimmed and compared exactly; the peer keeps spaces.
*/
-- A child in both years' headers who is UASC this year (Header.UASC 1) but whose UASC last year
-- was not 1 (0, blank or any other value) on a row of last year's header.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.uasc = '1'
  AND EXISTS (SELECT 1 FROM header_last AS l
              WHERE l.child = h.child AND (l.uasc IS NULL OR l.uasc <> '1'))
