/*
code: '386'
name: adopted_at_18_or_over
message: Reason episode ceased is adopted but child has reached age 18.
fields: [REC]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  REC is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces
  (e11 is E11 for it, 'E11 ' is not).
*/
-- An episode ending in adoption (E11, E12) must end before the child's 18th birthday (from any
-- Header row of the child; 29 February births: 28 February). A DEC or DOB that is blank or not a
-- date cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN ('E11', 'E12') AND e.dec IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND e.dec >= ssda_add_years(h.dob, 18))
