/*
code: '634'
name: previous_permanence_but_not_looked_after_since_2016
message: There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.
fields: [LA_PERM, PREV_PERM, DATE_PERM, DECOM]
tables: [previous_permanence, episodes]
years: 2023/24-
differs_from_peer: >
  As the DfE logic says, a child with previous permanence entries needs an episode starting on
  or after 1 April 2016 (the message's "from 1 April 2016 onwards"). The peer compares with the
  collection start instead (it flags a child whose latest DECOM is before 1 April of this year),
  so it flags every child with such entries who has been looked after continuously since before
  the year: those rows are flagged by the peer only. Like the peer we flag the previous
  permanence rows with an entry and all the child's episodes, and do not judge a child without
  episodes (or without a valid DECOM). An entry of spaces only is no entry for us (staging trims).
*/
WITH r634_children AS (
  SELECT e.child
  FROM episodes AS e
  WHERE e.decom IS NOT NULL
  GROUP BY e.child
  HAVING MAX(e.decom) < ssda_date('2016-04-01')
),
r634_flagged AS (
  SELECT p.row_no, p.child
  FROM previous_permanence AS p
  JOIN r634_children AS c ON c.child = p.child
  WHERE p.prev_perm IS NOT NULL OR p.la_perm IS NOT NULL OR p.date_perm IS NOT NULL
)
SELECT 'previous_permanence' AS table_name, f.row_no, f.child
FROM r634_flagged AS f
UNION ALL
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE EXISTS (SELECT 1 FROM r634_flagged AS f WHERE f.child = e.child)
