/*
code: '232'
name: sex_unknown
message: Sex of the child/young person has been reported as unknown.
fields: [SEX]
tables: [header]
years: 2024/25-
severity: query
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases SEX but keeps
  spaces, so it also flags 'u' (which rule 101 reports as not a valid sex for us) and not ' U'.
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex = 'U'
