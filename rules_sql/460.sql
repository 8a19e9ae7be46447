/*
code: '460'
name: stayed_with_carers_at_18_but_under_18
message: Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.
fields: [DEC, REC]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  REC is trimmed and compared case-sensitively; the peer keeps spaces ('E17 ' is not E17 for it)
  and upper-cases every value (e17 is E17 for it).
*/
-- An episode ending with the child staying with the current carers at 18 (E17) must end on or
-- after the child's 18th birthday (29 February births: 28 February). A DEC or DOB that is blank or
-- not a date cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec = 'E17' AND e.dec IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND e.dec < ssda_add_years(h.dob, 18))
