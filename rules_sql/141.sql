/*
code: '141'
name: episode_start_date_not_valid
message: Date episode began is not a valid date.
fields: [DECOM]
tables: [episodes]
years: 2023/24-
fix: {kind: date, field: DECOM}
differs_from_peer: >
  A DECOM of spaces only is blank (missing) for us and so not this rule's error; the peer does not
  trim and reports it as an invalid date.
  A date with spaces around it (' 01/04/2025 ') is a valid date for us (staging trims spaces) and
  is not flagged; the peer does not trim and flags it as invalid.
*/
-- DECOM was entered but is not a real dd/mm/yyyy date. A blank DECOM is not this rule's error.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom IS NULL AND NOT ssda_is_blank(e.decom_raw)
