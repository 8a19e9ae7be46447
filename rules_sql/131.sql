/*
code: '131'
name: in_touch_code_not_valid
message: Data entry for being in touch after leaving care is invalid.
fields: [IN_TOUCH]
tables: [oc3]
years: 2023/24-
fix: {kind: code, field: IN_TOUCH}
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer upper-cases
  every value but keeps spaces, so it accepts yes and flags 'NO '.
*/
-- A blank IN_TOUCH is also invalid.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.in_touch IS NULL OR o.in_touch NOT IN {{ codes('IN_TOUCH') }}
