/*
code: '584'
name: date_placed_not_after_ceased_decision_last_year
message: Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.
fields: [DATE_PLACED]
tables: [placed_for_adoption, placed_for_adoption_last]
years: 2023/24-
differs_from_peer: >
  As the DfE text: when last year's decision (a valid DATE_PLACED) has ceased (DATE_PLACED_CEASED
  or REASON_PLACED_CEASED recorded), each of the child's rows this year must carry a later
  DATE_PLACED; a blank or invalid one is flagged. The peer compares the dates as text ('02/01/2025'
  sorts before '31/12/2024'), does not require last year's DATE_PLACED, and reports the matching
  rows by their position in its merged table rather than their row (peer bug), so its rows differ
  wherever a child has rows in both years. CHILD is compared after trimming surrounding spaces.
*/
-- Last year's decision ceased, so a decision recorded this year must be a new one: dated after
-- last year's DATE_PLACED.
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE p.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM placed_for_adoption_last AS l
    WHERE l.child = p.child
      AND l.date_placed IS NOT NULL
      AND (NOT ssda_is_blank(l.date_placed_ceased_raw) OR l.reason_placed_ceased IS NOT NULL)
      AND (p.date_placed IS NULL OR p.date_placed <= l.date_placed)
  )
