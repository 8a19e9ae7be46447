/*
code: '371'
name: supported_accommodation_under_16
message: Child in supported accomodation not subject to children’s homes regulations should be at least 16.
fields: [DECOM, PLACE]
tables: [episodes, header]
years: 2024/25-
differs_from_peer: >
  The age is checked on every K3 episode with a valid DECOM; the peer checks only episodes that
  also have a valid DEC, so it misses open ones. PLACE is trimmed and compared case-sensitively.
  Measured on the synthetic returns: 56-165 rows flagged by both each year, 116-137 by us only,
  all open.
*/
-- An episode in placement K3 must start on or after the child's 16th birthday (a 29 February
-- child's birthday is 28 February). Only valid dates are compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'K3'
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND e.decom < ssda_add_years(h.dob, 16))
