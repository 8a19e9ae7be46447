/*
code: '379'
name: unspecified_temporary_placement_over_seven_days
message: Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.
fields: [DECOM, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  The peer reads Header too and checks only episodes of a child with a Header row and a valid DOB
  (an inner merge, then it drops DOBs that are blank or not dates); the age plays no part, so we check every T4 episode.
  Only an episode with a valid DEC is measured, as the peer run in isolation (run as installed,
  the peer also measures open episodes to 31 March, because its rule 365 first fills blank DECs).
  PLACE is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces.
*/
-- Temporary accommodation for any other reason (T4) may last at most 7 days (seven days): DEC no
-- more than 7 days after DECOM. An open episode, or one with a DEC or DECOM that is not a date, is
-- not measured.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'T4' AND ssda_days_between(e.decom, e.dec) > 7
