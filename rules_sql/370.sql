/*
code: '370'
name: independent_living_under_16
message: Child in independent living should be at least 16.
fields: [DECOM, PLACE]
tables: [episodes, header]
years: 2023/24
differs_from_peer: >
  The age is checked on every P2 episode with a valid DECOM; the peer checks only episodes that
  also have a valid DEC, so it misses open ones. PLACE is trimmed and compared case-sensitively.
*/
-- An episode in placement P2 must start on or after the child's 16th birthday (a 29 February
-- child's birthday is 28 February). Only valid dates are compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'P2'
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND e.decom < ssda_add_years(h.dob, 16))
