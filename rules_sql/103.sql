/*
code: '103'
name: ethnicity_not_valid
message: The ethnicity code is either not valid or has not been entered.
fields: [ETHNIC]
tables: [header]
years: 2023/24-
fix:
  - {kind: code, field: ETHNIC}
  - kind: sql              # blank this year: last year's return knew it
    field: ETHNIC
    confidence: suggested
    tables: [header, header_last]
    sql: >
      SELECT 'header' AS table_name, h.row_no, MIN(l.ethnic) AS new,
             'blank this year; last year''s return recorded this ethnicity for the child' AS reason
      FROM header AS h JOIN header_last AS l ON l.child = h.child
      WHERE h.ethnic IS NULL AND l.ethnic IN {{ codes('ETHNIC') }}
      GROUP BY h.row_no HAVING COUNT(DISTINCT l.ethnic) = 1
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces: 'wbri' is flagged (the peer
  upper-cases every value first and accepts it) and 'WBRI ' is WBRI (the peer keeps spaces and
  flags it). This is the one difference every synthetic run shows, from the lower-case codes
  synth writes on purpose.
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.ethnic IS NULL
   OR h.ethnic NOT IN {{ codes('ETHNIC') }}
