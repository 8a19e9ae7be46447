/*
code: '381'
name: period_of_care_ends_with_temporary_placement
message: A period of care cannot end with a temporary placement.
fields: [PLACE, REC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer upper-cases
  every value but keeps spaces, so it flags a lower-case temporary placement (t1) and a reason
  with a space ('X1 '), and accepts a lower-case x1 as X1.
*/
-- An episode in a temporary placement (T0-T4) that has ended must end with a change of
-- placement only (REC X1), not with the child ceasing to be looked after. Open episodes
-- (no REC) are not judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'temporary') }}
  AND e.rec IS NOT NULL AND e.rec <> 'X1'
