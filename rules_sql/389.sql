/*
code: '389'
name: adult_social_care_under_16
message: Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.
fields: [REC]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  The age is judged only from a valid DEC and a valid DOB on a Header row of the child; the peer
  also flags every E7 episode whose DEC is blank or not a date, or whose child has no Header row or
  a DOB that is blank or not a date. REC is trimmed and compared case-sensitively; the peer upper-
  cases every value but keeps spaces (e7 is E7 for it, 'E7 ' is not). Measured on the peer's fake
  data: 39 rows flagged by both, 9 by the peer only (all E7 episodes with a blank DEC); the
  synthetic returns agree exactly.
*/
-- An episode ending in a transfer to adult social care (E7) must end on or after the child's 16th
-- birthday (29 February births: 28 February). A DEC or DOB that is blank or not a date cannot be
-- judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec = 'E7' AND e.dec IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND e.dec < ssda_add_years(h.dob, 16))
