/*
code: '564'
name: missing_period_start_blank
message: Child was missing or away from placement without authorisation and the date started is blank.
fields: [MISSING, MIS_START]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  MISSING is compared case-sensitively after trimming spaces (a lower-case m is not M, ' M ' is M);
  the peer upper-cases every value. A MIS_START of spaces only is blank for us; the peer keeps
  the spaces, so for it the date is not blank.
*/
-- A period typed M or A must have a start date. Only a blank MIS_START is this rule's: text that
-- is not a valid date is rule 1004's, a MISSING that is no valid code is rule 1006's.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.missing IN {{ codes('MISSING') }}
  AND ssda_is_blank(m.mis_start_raw)
