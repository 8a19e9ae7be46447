/*
code: '102'
name: dob_not_valid
message: Date of birth is not a valid date.
fields: [DOB]
tables: [header]
years: 2023/24-
fix:
  - {kind: date, field: DOB}
  - kind: sql              # blank or no date this year: last year's return knew it
    field: DOB
    confidence: suggested
    tables: [header, header_last]
    sql: >
      SELECT 'header' AS table_name, h.row_no, ssda_format_date(MIN(l.dob)) AS new,
             'not a valid date this year; last year''s return recorded this date of birth for the child' AS reason
      FROM header AS h JOIN header_last AS l ON l.child = h.child
      WHERE h.dob IS NULL AND l.dob IS NOT NULL
      GROUP BY h.row_no HAVING COUNT(DISTINCT l.dob) = 1
differs_from_peer: >
  A blank DOB is flagged, as by the peer (a missing date is not a valid date). Staging trims the text
  first, so ' 01/04/2010 ' is a valid date for us while the peer flags it; and a well-formed date
  outside pandas' range (before 1677 or after 2262) is flagged by the peer only.
*/
-- Blank, or text that is not a real dd/mm/yyyy date (staging leaves DOB NULL in both cases).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.dob IS NULL
