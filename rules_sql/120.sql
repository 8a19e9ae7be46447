/*
code: '120'
name: reason_placed_ceased_not_valid
message: The reason for the reversal of the decision that the child should be placed for adoption code is not valid.
fields: [REASON_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
fix: {kind: code, field: REASON_PLACED_CEASED}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first and does not trim, so it accepts a lower-case code and reports a code with spaces around it
  or a cell of only spaces (blank here).
*/
-- A blank reason is not this rule (119 asks for a reason with every ceased date).
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.reason_placed_ceased NOT IN {{ codes('REASON_PLACED_CEASED') }}
