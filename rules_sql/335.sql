/*
code: '335'
name: adopted_by_foster_carer_contradicts_placement
message: The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.
fields: [PLACE, FOSTER_CARE]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  PLACE, REC and FOSTER_CARE are compared case-sensitively after trimming; the peer upper-cases
  values. A1, A2 and the REC E1 the DfE text names are no longer codes and cannot match.
*/
-- An episode that ends in adoption (REC E11 or E12) placed with current foster carers (A3, A5)
-- contradicts FOSTER_CARE 0, and one placed with other carers (A4, A6) contradicts FOSTER_CARE 1.
-- Flags the episode and the child's contradicting AD1 rows.
WITH r335_pairs AS (
  SELECT e.row_no AS ep_row_no, a.row_no AS ad_row_no, e.child
  FROM episodes AS e
  JOIN ad1 AS a ON a.child = e.child
  WHERE e.rec IN {{ codes('REC', 'adopted') }}
    AND ((e.place IN {{ codes('PLACE', 'adoption_with_current_carers') }} AND a.foster_care = '0')
         OR (e.place IN {{ codes('PLACE', 'adoption_not_with_current_carers') }} AND a.foster_care = '1'))
)
SELECT 'episodes' AS table_name, p.ep_row_no AS row_no, p.child FROM r335_pairs AS p
UNION
SELECT 'ad1' AS table_name, p.ad_row_no AS row_no, p.child FROM r335_pairs AS p
