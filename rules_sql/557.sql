/*
code: '557'
name: left_care_not_adopted_decision_not_ceased
message: Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.
fields: [DATE_PLACED_CEASED, REASON_PLACED_CEASED, PLACE, LS, REC]
tables: [episodes, placed_for_adoption]
years: 2023/24
differs_from_peer: >
  PLACE, LS and REC are compared case-sensitively after trimming; the peer upper-cases values. An
  episode without a CHILD is not judged.
*/
-- An episode placed for adoption (PLACE A3-A6) or under a freeing or placement order (LS D1 or E1)
-- that ends care other than by adoption (REC given, not X1, E11 or E12) is flagged when the child
-- has no placed-for-adoption row, or one without both DATE_PLACED_CEASED and REASON_PLACED_CEASED;
-- each such incomplete row is flagged too. A date given but not valid counts as given (rule 116).
WITH r557_leavers AS (
  SELECT e.row_no, e.child
  FROM episodes AS e
  WHERE e.child IS NOT NULL
    AND (e.place IN {{ codes('PLACE', 'placed_for_adoption') }} OR e.ls IN ('D1', 'E1'))
    AND e.rec IS NOT NULL AND e.rec <> 'X1' AND e.rec NOT IN {{ codes('REC', 'adopted') }}
),
r557_incomplete AS (
  SELECT p.row_no, p.child
  FROM placed_for_adoption AS p
  WHERE ssda_is_blank(p.date_placed_ceased_raw) OR p.reason_placed_ceased IS NULL
)
SELECT 'episodes' AS table_name, l.row_no, l.child
FROM r557_leavers AS l
WHERE NOT EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = l.child)
   OR EXISTS (SELECT 1 FROM r557_incomplete AS i WHERE i.child = l.child)
UNION ALL
SELECT 'placed_for_adoption' AS table_name, i.row_no, i.child
FROM r557_incomplete AS i
WHERE EXISTS (SELECT 1 FROM r557_leavers AS l WHERE l.child = i.child)
