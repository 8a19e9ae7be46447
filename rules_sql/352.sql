/*
code: '352'
name: started_to_be_looked_after_aged_18
message: Child who started to be looked after was aged 18 or over.
fields: [DECOM, RNE]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  RNE is trimmed and compared case-sensitively; the peer upper-cases it (accepts 's' as S).
*/
-- An episode starting a period of care (RNE S) on or after the child's 18th birthday (a 29
-- February child's birthday is 28 February). Only valid dates are compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rne = 'S'
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND e.decom >= ssda_add_years(h.dob, 18))
