/*
code: '387'
name: independent_living_under_14
message: Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.
fields: [REC]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  The age is judged only from a valid DOB on a Header row of the child; the peer also flags every
  E5/E6 episode (with a valid DEC) of a child with no Header row or a DOB that is blank or not a
  date. REC is trimmed and compared case-sensitively; the peer upper-cases every value but keeps
  spaces (e5 is E5 for it, 'E5 ' is not). Measured on the synthetic returns: 110-112 rows flagged by
  both in 2023/24 and 2024/25, 1-2 by the peer only (a DOB that is not a date); 2025/26 and 2026/27
  agree exactly.
*/
-- An episode ending in a move to independent living (E5, E6) must end on or after the child's
-- 14th birthday (29 February births: 28 February). A DEC or DOB that is blank or not a date cannot
-- be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN ('E5', 'E6') AND e.dec IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND e.dec < ssda_add_years(h.dob, 14))
