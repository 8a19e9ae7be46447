/*
code: INT03
name: episode_child_not_in_header
message: 'Internal Check: Child in Episodes does not exist in Header.'
fields: [CHILD]
tables: [header, episodes]
years: 2023/24-
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE NOT EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child)
