/*
code: '372'
name: youth_custody_under_10
message: Child in youth custody or prison should be at least 10.
fields: [DECOM, PLACE]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  The age is checked on every R5 episode with a valid DECOM; the peer checks only episodes that
  also have a valid DEC, so it misses open ones. PLACE is trimmed and compared case-sensitively.
  Measured on the peer's 2025/26 data: 67 rows flagged by both, 29 by us only, all open.
*/
-- An episode in placement R5 must start on or after the child's 10th birthday (a 29 February
-- child's birthday is 28 February). Only valid dates are compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'R5'
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND e.decom < ssda_add_years(h.dob, 10))
