/*
code: '555'
name: freeing_order_without_decision_record
message: Freeing order has been granted but there is no date of decision that the child should be placed for adoption.
fields: [CHILD, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED]
tables: [episodes, placed_for_adoption]
years: 2023/24
differs_from_peer: >
  LS is compared case-sensitively after trimming (d1 is not D1); the peer upper-cases values. An
  episode without a CHILD is not judged (the peer matches it with placed-for-adoption rows that have
  no CHILD either).
*/
-- An episode with LS D1 (freeing order granted) is flagged when the child has no
-- placed-for-adoption row. While a D1 episode is open (DEC blank), the child's placed-for-adoption
-- rows that record a ceased decision (DATE_PLACED_CEASED or REASON_PLACED_CEASED given) are flagged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.child IS NOT NULL AND e.ls = 'D1'
  AND NOT EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = e.child)
UNION ALL
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE (NOT ssda_is_blank(p.date_placed_ceased_raw) OR p.reason_placed_ceased IS NOT NULL)
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = p.child AND e.ls = 'D1' AND ssda_is_blank(e.dec_raw))
