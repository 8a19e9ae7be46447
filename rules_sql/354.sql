/*
code: '354'
name: episode_started_after_collection_end
message: Date episode ceased must be on or before the end of the current collection year.
fields: [DECOM]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  A DEC with spaces around it is read as a date (staging trims spaces); the peer does not
  trim, treats it as not a date and so does not compare it. Otherwise the same logic.
*/
-- The DfE message speaks of the date ceased, but the rule's field is DECOM (the date the episode
-- began; DEC is checked by rule 385): a DECOM after 31 March of the collection year is flagged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom > {{ collection_end }}
