/*
code: '132'
name: activity_code_not_valid
message: Data entry for activity after leaving care is invalid.
fields: [ACTIV]
tables: [oc3]
years: 2023/24-
fix: {kind: code, field: ACTIV}
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it accepts 'f1' and flags 'F1 '. A blank ACTIV is invalid for both (as rule 131 for IN_TOUCH).
*/
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.activ IS NULL OR o.activ NOT IN {{ codes('ACTIV') }}
