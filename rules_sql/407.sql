/*
code: '407'
name: special_guardianship_at_18_or_over
message: Reason episode ceased is Special Guardianship Order, but child has reached age 18.
fields: [DEC, DOB, REC]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  DfE text: DOB must be less than 18 years before DEC, so an SGO on the 18th birthday is an error
  (the child has reached 18; as rule 386); the peer flags only a DEC after the birthday. REC is
  trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces (e45
  is E45 for it, 'E45 ' is not).
*/
-- An episode ending in a special guardianship order (E45-E48) must end before the child's 18th
-- birthday (29 February births: 28 February). Flags the episode and the child's Header row(s). A
-- DEC or DOB that is blank or not a date cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN ('E45', 'E46', 'E47', 'E48') AND e.dec IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND e.dec >= ssda_add_years(h.dob, 18))
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.dob IS NOT NULL
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = h.child AND e.rec IN ('E45', 'E46', 'E47', 'E48')
                AND e.dec >= ssda_add_years(h.dob, 18))
