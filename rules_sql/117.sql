/*
code: '117'
name: placed_for_adoption_dates_after_year_or_care
message: Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.
fields: [DATE_PLACED_CEASED, DATE_PLACED, DEC, REC, DECOM]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  A DATE_PLACED or DATE_PLACED_CEASED after 31 March is flagged also for a child with no episode
  (the DfE text does not depend on episodes; the peer only looks at children with an episode).
  The latest episode is the latest in the child's sequence (valid DECOM, ties by row) among those
  with a REC other than X1 (or none); the peer's DECOM maximum takes the first row on ties.
  Dates with spaces around them are read as dates (staging trims).
*/
-- DfE: if provided, DATE_PLACED and DATE_PLACED_CEASED must not be after the collection end or
-- after the DEC of the child's latest episode whose REC is not X1. Flags the placed-for-adoption
-- row and, when the child has one, that latest episode.
WITH r117_latest AS (
  SELECT s.row_no, s.child, s.dec
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND (s.rec IS NULL OR s.rec <> 'X1')
    AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                    WHERE o.child = s.child AND o.in_seq = 1 AND o.seq > s.seq
                      AND (o.rec IS NULL OR o.rec <> 'X1'))
),
r117_bad AS (
  SELECT p.row_no AS pa_row_no, p.child, l.row_no AS ep_row_no
  FROM placed_for_adoption AS p
  LEFT JOIN r117_latest AS l ON l.child = p.child
  WHERE p.date_placed > {{ collection_end }} OR p.date_placed_ceased > {{ collection_end }}
     OR p.date_placed > l.dec OR p.date_placed_ceased > l.dec
)
SELECT 'placed_for_adoption' AS table_name, b.pa_row_no AS row_no, b.child
FROM r117_bad AS b
UNION
SELECT 'episodes' AS table_name, b.ep_row_no AS row_no, b.child
FROM r117_bad AS b
WHERE b.ep_row_no IS NOT NULL
