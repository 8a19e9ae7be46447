/*
code: '385'
name: episode_ceased_after_collection_end
message: Date episode ceased must be on or before the end of the current collection year.
fields: [DEC]
tables: [episodes]
years: 2023/24-
*/
-- A valid DEC after 31 March of the collection year (a blank or invalid DEC is other rules' business).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.dec > {{ collection_end }}
