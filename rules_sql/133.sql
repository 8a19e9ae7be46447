/*
code: '133'
name: accommodation_code_not_valid
message: Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid
fields: [ACCOM]
tables: [oc3]
years: 2023/24-
fix: {kind: code, field: ACCOM}
differs_from_peer: >
  The valid codes are the year's ACCOM code list (rules_sql/codes/ACCOM.yml), which holds S1 (no
  fixed abode, suitable) and X1 (in custody, suitable), as the liia-tools schemas do; the peer's own
  list leaves those two out and flags them (the DfE code set should settle which is right). Codes are
  trimmed of surrounding spaces and compared case-sensitively; the peer upper-cases every value but
  keeps spaces, so it accepts 'b1' and flags 'B1 '. A blank ACCOM is invalid for both (as rule 131
  for IN_TOUCH).
*/
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.accom IS NULL OR o.accom NOT IN {{ codes('ACCOM') }}
