/*
code: '375'
name: hospital_temporary_placement_over_six_weeks
message: Hospitalisation coded as a temporary placement exceeds six weeks.
fields: [DECOM, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  The peer reads Header too and checks only episodes of a child with a Header row and a valid DOB
  (an inner merge, then it drops DOBs that are blank or not dates); the age plays no part, so we check every T1 episode.
  Only an episode with a valid DEC is measured, as the peer run in isolation (run as installed,
  the peer also measures open episodes to 31 March, because its rule 365 first fills blank DECs).
  PLACE is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces.
*/
-- A temporary period in hospital (T1) may last at most 42 days (six weeks): DEC no more than 42
-- days after DECOM. An open episode, or one with a DEC or DECOM that is not a date, is not
-- measured.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'T1' AND ssda_days_between(e.decom, e.dec) > 42
