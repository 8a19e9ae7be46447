/*
code: '563'
name: ceased_decision_without_date_placed
message: The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank
fields: [DATE_PLACED, REASON_PLACED_CEASED, DATE_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  A cell of only spaces is blank here; the peer counts it as completed.
*/
-- A decision that ceased (a reason and a date it ceased; the date need not be valid, as in the
-- peer) must say when it was made. Only a blank DATE_PLACED is this rule; an invalid one is 115.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.reason_placed_ceased IS NOT NULL
  AND NOT ssda_is_blank(p.date_placed_ceased_raw)
  AND ssda_is_blank(p.date_placed_raw)
