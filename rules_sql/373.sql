/*
code: '373'
name: placed_in_school_under_4
message: Child placed in a school should be at least 4 years old.
fields: [DECOM, PLACE]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  Every S1 episode with a valid DECOM is checked, open or not; the peer checks only episodes with a
  valid DEC (it drops the rest), so it misses an open episode (its installed run checks open
  episodes only because its rule 365 first fills blank DECs with 31 March). PLACE is trimmed and
  compared case-sensitively; the peer upper-cases every value but keeps spaces. Measured on the
  synthetic returns 2023/24-2026/27: 45-53 rows flagged by both per year, 34-48 by us only (all open
  S1 episodes of children under 4); on the peer's fake data 7 both, 1 ours only (open).
*/
-- A placement in a residential school (S1) needs the child to be 4 or older on DECOM: the 4th birthday (from
-- any Header row of the child; 29 February births: 28 February in a common year) must be on or
-- before DECOM. A blank or invalid DOB or DECOM cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'S1' AND e.decom IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND ssda_add_years(h.dob, 4) > e.decom)
