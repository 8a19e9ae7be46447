/*
code: '554'
name: decision_to_place_after_placement_order
message: 'Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]'
fields: [DATE_PLACED, DECOM, LS]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  LS is compared case-sensitively after trimming; the first E1 episode is the first in the child's
  sequence (valid DECOM, ties by row), as the peer's DECOM minimum. Dates with spaces around them
  are read as dates. The peer's rule raises, and flags nothing, when a child's E1 episodes all lack
  a valid DECOM (so on the synthetic 2023/24, 2024/25 and 2026/27 returns it flags none of the 20-22
  rows we flag; on 2025/26 we agree on 18).
*/
-- DfE: where LS = E1, DATE_PLACED should be on or before the DECOM of the child's first episode with
-- LS E1. Flags that episode and each placed-for-adoption row dated after it.
WITH r554_first AS (
  SELECT s.row_no, s.child, s.decom
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND s.ls = 'E1'
    AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                    WHERE o.child = s.child AND o.in_seq = 1 AND o.ls = 'E1' AND o.seq < s.seq)
)
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM r554_first AS f
WHERE EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = f.child AND p.date_placed > f.decom)
UNION ALL
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE EXISTS (SELECT 1 FROM r554_first AS f WHERE f.child = p.child AND p.date_placed > f.decom)
