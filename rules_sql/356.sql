/*
code: '356'
name: episode_ceased_before_it_started
message: The date the episode ceased is before the date the same episode started.
fields: [DECOM]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  A DECOM and DEC with spaces around it is read as a date (staging trims spaces); the peer does not
  trim, treats it as not a date and so does not compare it. Otherwise the same logic.
*/
-- Only valid dates are compared: a blank or invalid DEC or DECOM is left to the date rules.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom IS NOT NULL AND e.dec IS NOT NULL AND e.dec < e.decom
