/*
code: '579'
name: placed_for_adoption_decisions_overlap
message: A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.
fields: [DATE_PLACED, DATE_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  Each decision is compared with the child's previous decision in DATE_PLACED order, as in the
  peer; on the same DATE_PLACED an open decision comes first, then by DATE_PLACED_CEASED, then by
  row (as our rule 574 orders missing periods), where the peer keeps file order. Decisions with a
  blank or invalid DATE_PLACED are left out (rules 115 and 563 report them); the peer sorts them
  last, so it can flag such a row when the decision before it is open.
  Dates with spaces around them are read as dates (staging trims);
  the peer treats them as invalid.
  Measured on two synthetic 2025/26 returns with about 850 extra randomised decisions each: 212
  and 227 rows flagged by both, 77 and 95 by the peer only (all with no valid DATE_PLACED).
*/
-- A decision overlaps when the previous one is still open (DATE_PLACED_CEASED blank, or not a
-- valid date as in the peer) or ceased after this one was made. The later decision is flagged; a
-- new decision on the day the previous one ceased is fine.
WITH r579_decisions AS (
  SELECT p.row_no, p.child, p.date_placed,
         ROW_NUMBER() OVER (PARTITION BY p.child
                            ORDER BY p.date_placed,
                                     CASE WHEN p.date_placed_ceased IS NULL THEN 0 ELSE 1 END,
                                     p.date_placed_ceased, p.row_no) AS r579_pos,
         LAG(p.date_placed_ceased) OVER (PARTITION BY p.child
                                         ORDER BY p.date_placed,
                                                  CASE WHEN p.date_placed_ceased IS NULL THEN 0 ELSE 1 END,
                                                  p.date_placed_ceased, p.row_no) AS r579_prev_ceased
  FROM placed_for_adoption AS p
  WHERE p.child IS NOT NULL AND p.date_placed IS NOT NULL
)
SELECT 'placed_for_adoption' AS table_name, d.row_no, d.child
FROM r579_decisions AS d
WHERE d.r579_pos > 1
  AND (d.r579_prev_ceased IS NULL OR d.r579_prev_ceased > d.date_placed)
