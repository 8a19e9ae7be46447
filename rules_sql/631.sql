/*
code: '631'
name: previous_permanence_not_valid
message: Previous permanence option not a valid value.
fields: [PREV_PERM]
tables: [previous_permanence]
years: 2023/24-
fix: {kind: code, field: PREV_PERM}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces ('p1' is an error, ' P1 ' is P1); the
  peer upper-cases every value but does not trim, so for it a PREV_PERM of spaces only is an
  invalid code, where for us it is blank (rule 630's business).
*/
-- Where given, PREV_PERM must be one of the year's codes (P1-P4, Z1). A blank PREV_PERM is not
-- this rule's: rule 630 asks for the previous permanence information to be returned.
SELECT 'previous_permanence' AS table_name, p.row_no, p.child
FROM previous_permanence AS p
WHERE p.prev_perm IS NOT NULL AND p.prev_perm NOT IN {{ codes('PREV_PERM') }}
