/*
code: '355'
name: episode_lasted_under_24_hours
message: Episode appears to have lasted for less than 24 hours
fields: [DECOM, DEC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  We compare the parsed dates, so an episode is flagged only when DECOM and DEC are both valid
  dates on the same day. The peer compares the raw text: it also flags episodes whose DECOM and
  DEC are both blank (NaN == NaN as text 'nan') or hold the same invalid text (e.g. 31/02/2026),
  and misses the same day written differently (1/4/2025 against 01/04/2025, or with spaces
  round the date).
*/
-- An episode that ends on the day it starts lasted less than 24 hours.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom IS NOT NULL AND e.dec IS NOT NULL AND e.dec = e.decom
