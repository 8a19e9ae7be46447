/*
code: NoE
name: looked_after_before_year_but_no_episodes_last_year
message: This child has no episodes loaded for previous year even though child started to be looked after before this current year.
fields: [DECOM]
tables: [episodes, episodes_last]
years: 2023/24-
*/
-- Every episode that started before the collection start (a valid DECOM) of a child with no episode
-- row at all in last year's return.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.child IS NOT NULL
  AND e.decom < {{ collection_start }}
  AND NOT EXISTS (SELECT 1 FROM episodes_last AS l WHERE l.child = e.child)
