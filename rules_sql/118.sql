/*
code: '118'
name: placed_for_adoption_ceased_before_year_or_care
message: Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.
fields: [DATE_PLACED_CEASED, DECOM, LS]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  A DATE_PLACED_CEASED before 1 April is flagged also for a child with no episode (the DfE text does
  not depend on episodes; the peer only looks at children with an episode). The earliest episode is
  the first in the child's sequence (valid DECOM, ties by row) with an LS other than V3 or V4 (or
  none); LS is compared case-sensitively. Dates with spaces around them are read as dates. The
  peer's rule raises, and flags nothing, when a child's non-V3/V4 episodes all lack a valid DECOM.
*/
-- DfE: if provided, DATE_PLACED_CEASED must not be before the collection start or before the DECOM
-- of the child's earliest episode with an LS not V3 or V4. Flags the placed-for-adoption row and,
-- when the child has one, that earliest episode. Only children with a placed-for-adoption row are
-- searched (a few hundred, not every child).
WITH r118_first AS (
  SELECT s.row_no, s.child, s.decom
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND (s.ls IS NULL OR s.ls NOT IN {{ codes('LS', 'short_breaks') }})
    AND s.child IN (SELECT a.child FROM placed_for_adoption AS a)
    AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                    WHERE o.child = s.child AND o.in_seq = 1 AND o.seq < s.seq
                      AND (o.ls IS NULL OR o.ls NOT IN {{ codes('LS', 'short_breaks') }}))
),
r118_bad AS (
  SELECT p.row_no AS pa_row_no, p.child, f.row_no AS ep_row_no
  FROM placed_for_adoption AS p
  LEFT JOIN r118_first AS f ON f.child = p.child
  WHERE p.date_placed_ceased < {{ collection_start }} OR p.date_placed_ceased < f.decom
)
SELECT 'placed_for_adoption' AS table_name, b.pa_row_no AS row_no, b.child
FROM r118_bad AS b
UNION
SELECT 'episodes' AS table_name, b.ep_row_no AS row_no, b.child
FROM r118_bad AS b
WHERE b.ep_row_no IS NOT NULL
