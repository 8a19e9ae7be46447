/*
code: '1009'
name: reason_for_placement_change_not_valid
message: Reason for placement change is not a valid code.
fields: [REASON_PLACE_CHANGE]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: REASON_PLACE_CHANGE}
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer keeps the spaces
  (it flags 'CARPL ') and upper-cases every value (it accepts 'carpl'; we flag it).
*/
-- A reason for placement change, when given, must be one of the year's codes (REASON_PLACE_CHANGE.yml).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.reason_place_change IS NOT NULL
  AND e.reason_place_change NOT IN {{ codes('REASON_PLACE_CHANGE') }}
