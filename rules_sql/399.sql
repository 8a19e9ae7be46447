/*
code: '399'
name: mother_or_reviews_for_short_breaks_child
message: Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.
fields: [MOTHER, LS, REVIEW, REVIEW_CODE]
tables: [episodes, header, reviews]
years: 2023/24-
differs_from_peer: >
  As the peer, only a child all of whose episodes have LS V3 or V4 is judged, and when it has
  MOTHER or a review's REVIEW or REVIEW_CODE completed all its episodes are flagged. We flag the
  header row only when it carries MOTHER and a review row only when it carries REVIEW or
  REVIEW_CODE; the peer also flags the header row for a completed review, and every review row
  (blank ones too) for a completed MOTHER. A value of only spaces is blank for us (staging
  trims) and completed for the peer; LS is compared case-sensitively ('v3' is not V3; the
  peer upper-cases values first).
*/
WITH r399_children AS (
  SELECT e.child
  FROM episodes AS e
  WHERE e.child IS NOT NULL
  GROUP BY e.child
  HAVING MIN(CASE WHEN e.ls IN {{ codes('LS', 'short_breaks') }} THEN 1 ELSE 0 END) = 1
),
r399_headers AS (
  SELECT h.row_no, h.child
  FROM header AS h
  JOIN r399_children AS c ON c.child = h.child
  WHERE h.mother IS NOT NULL
),
r399_reviews AS (
  SELECT r.row_no, r.child
  FROM reviews AS r
  JOIN r399_children AS c ON c.child = r.child
  WHERE r.review IS NOT NULL OR r.review_code IS NOT NULL
)
SELECT 'header' AS table_name, h.row_no, h.child FROM r399_headers AS h
UNION ALL
SELECT 'reviews' AS table_name, r.row_no, r.child FROM r399_reviews AS r
UNION ALL
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE EXISTS (SELECT 1 FROM r399_headers AS h WHERE h.child = e.child)
   OR EXISTS (SELECT 1 FROM r399_reviews AS r WHERE r.child = e.child)
