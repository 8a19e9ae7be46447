/*
code: '119'
name: placed_ceased_date_and_reason_not_both_given
message: If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.
fields: [REASON_PLACED_CEASED, DATE_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  A cell of only spaces is blank here; the peer counts it as completed.
*/
-- DATE_PLACED_CEASED and REASON_PLACED_CEASED come together: one without the other is an error. A
-- date counts as completed when its cell is not blank, valid or not (rule 116 reports invalid ones),
-- as in the peer.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE (ssda_is_blank(p.date_placed_ceased_raw) AND p.reason_placed_ceased IS NOT NULL)
   OR (NOT ssda_is_blank(p.date_placed_ceased_raw) AND p.reason_placed_ceased IS NULL)
