/*
code: '1012'
name: other_data_for_child_without_episodes
message: No other data should be returned for OC3 children who had no episodes in the current year
fields: [CHILD]
tables: [episodes, placed_for_adoption, missing, reviews, ad1, previous_permanence, oc2]
years: 2023/24-
differs_from_peer: >
  A row with a blank CHILD is not flagged here (it names no child; the CHILD rules report it); the
  peer matches a blank CHILD against episodes with a blank CHILD. The peer checks whichever of the
  six tables were supplied; we need all seven files (an empty file counts), as every rule's tables
  must be present. CHILD is compared exactly ('007' is not '7'), as the peer does.
*/
-- Rows of the adoption, missing, reviews, AD1, previous permanence and OC2 tables whose CHILD has
-- no row at all in the episodes table (a child with no episode this year is an OC3-only child).
-- The six tables' rows are gathered first so that episodes is searched once, not once per table,
-- and matched against the distinct children of episodes (DuckDB: half the time of NOT EXISTS over
-- every episode row; it was the slowest rule, at 10x the median).
SELECT x.table_name, x.row_no, x.child
FROM (
  SELECT 'placed_for_adoption' AS table_name, a.row_no, a.child FROM placed_for_adoption AS a
  UNION ALL
  SELECT 'missing' AS table_name, m.row_no, m.child FROM missing AS m
  UNION ALL
  SELECT 'reviews' AS table_name, r.row_no, r.child FROM reviews AS r
  UNION ALL
  SELECT 'ad1' AS table_name, d.row_no, d.child FROM ad1 AS d
  UNION ALL
  SELECT 'previous_permanence' AS table_name, p.row_no, p.child FROM previous_permanence AS p
  UNION ALL
  SELECT 'oc2' AS table_name, o.row_no, o.child FROM oc2 AS o
) AS x
LEFT JOIN (SELECT DISTINCT e.child FROM episodes AS e) AS e ON e.child = x.child
WHERE x.child IS NOT NULL AND e.child IS NULL
