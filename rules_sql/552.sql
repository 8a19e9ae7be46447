/*
code: '552'
name: decision_to_place_after_placed_for_adoption
message: Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.
fields: [DATE_PLACED, DECOM]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  PLACE is compared case-sensitively after trimming; dates with spaces around them are read as
  dates (staging trims).
*/
-- The child's latest decision (the greatest valid DATE_PLACED; ties: the earliest row, as the
-- peer's idxmax) must not be after the DECOM of the child's first placement for adoption (the first
-- sequenced episode with PLACE A3-A6). Flags that episode and that placed-for-adoption row.
WITH r552_first AS (
  SELECT s.row_no, s.child, s.decom
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND s.place IN {{ codes('PLACE', 'placed_for_adoption') }}
    AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                    WHERE o.child = s.child AND o.in_seq = 1 AND o.seq < s.seq
                      AND o.place IN {{ codes('PLACE', 'placed_for_adoption') }})
),
r552_last_decision AS (
  SELECT p.row_no, p.child, p.date_placed
  FROM placed_for_adoption AS p
  WHERE p.date_placed IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM placed_for_adoption AS q
                    WHERE q.child = p.child AND q.date_placed IS NOT NULL
                      AND (q.date_placed > p.date_placed
                           OR (q.date_placed = p.date_placed AND q.row_no < p.row_no)))
),
r552_bad AS (
  SELECT f.row_no AS ep_row_no, d.row_no AS pa_row_no, f.child
  FROM r552_first AS f
  JOIN r552_last_decision AS d ON d.child = f.child
  WHERE f.decom < d.date_placed
)
SELECT 'episodes' AS table_name, b.ep_row_no AS row_no, b.child FROM r552_bad AS b
UNION ALL
SELECT 'placed_for_adoption' AS table_name, b.pa_row_no AS row_no, b.child FROM r552_bad AS b
