/*
code: '380'
name: period_of_care_starts_with_temporary_placement
message: A period of care cannot start with a temporary placement.
fields: [PLACE, RNE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed of surrounding spaces and compared case-sensitively; the peer upper-cases
  every value but keeps spaces, so it flags a lower-case temporary placement (t1), accepts a
  lower-case reason (p, b) and flags a reason with a space ('P ').
  For the same reason a placement of 'T1 ' with a trailing space is T1 for us, so an episode with
  PLACE 'T1 ' and RNE S is flagged here; the peer does not see a temporary placement and does not
  flag it.
*/
-- An episode in a temporary placement (T0-T4) must begin with a change of placement and carer(s)
-- (RNE P) or of legal status and placement and carer(s) (RNE B); any other reason for the new
-- episode, or none, means the temporary placement opens the period or keeps the same carer(s).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'temporary') }}
  AND (e.rne IS NULL OR e.rne NOT IN ('P', 'B'))
