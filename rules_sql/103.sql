/*
code: '103'
name: ethnicity_not_valid
message: The ethnicity code is either not valid or has not been entered.
fields: [ETHNIC]
tables: [header]
years: 2023/24-
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
