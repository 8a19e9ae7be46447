/*
code: '374'
name: residential_employment_under_14
message: Child in residential employment should be at least 14 years old.
fields: [DECOM, PLACE]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  Every P3 episode with a valid DECOM is checked, open or not; the peer checks only episodes with a
  valid DEC (it drops the rest), so it misses an open episode (its installed run checks open
  episodes only because its rule 365 first fills blank DECs with 31 March). PLACE is trimmed and
  compared case-sensitively; the peer upper-cases every value but keeps spaces. Measured on the
  peer's fake data: 108 rows flagged by both, 43 by us only (all open P3 episodes); the synthetic
  returns agree exactly.
*/
-- A placement in residential employment (P3) needs the child to be 14 or older on DECOM: the 14th birthday (from
-- any Header row of the child; 29 February births: 28 February in a common year) must be on or
-- before DECOM. A blank or invalid DOB or DECOM cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'P3' AND e.decom IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND ssda_add_years(h.dob, 14) > e.decom)
