/*
code: '376'
name: foster_carer_holiday_placement_over_three_weeks
message: Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.
fields: [DECOM, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  The peer reads Header too and checks only episodes of a child with a Header row and a valid DOB
  (an inner merge, then it drops DOBs that are blank or not dates); the age plays no part, so we check every T3 episode.
  Only an episode with a valid DEC is measured, as the peer run in isolation (run as installed,
  the peer also measures open episodes to 31 March, because its rule 365 first fills blank DECs).
  PLACE is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces.
*/
-- Temporary accommodation while the usual foster carer(s) are on holiday (T3) may last at most 21
-- days (three weeks): DEC no more than 21 days after DECOM. An open episode, or one with a DEC or
-- DECOM that is not a date, is not measured.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'T3' AND ssda_days_between(e.decom, e.dec) > 21
