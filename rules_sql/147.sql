/*
code: '147'
name: episode_end_date_not_valid
message: Date episode ceased is not a valid date.
fields: [DEC]
tables: [episodes]
years: 2023/24-
fix: {kind: date, field: DEC}
differs_from_peer: >
  A DEC of spaces only is blank (an open episode) for us and so not this rule's error; the peer
  does not trim and reports it as an invalid date.
  A date with spaces around it (' 01/04/2025 ') is a valid date for us (staging trims spaces) and
  is not flagged; the peer does not trim and flags it as invalid.
*/
-- DEC was entered but is not a real dd/mm/yyyy date. A blank DEC (open episode) is fine here.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.dec IS NULL AND NOT ssda_is_blank(e.dec_raw)
