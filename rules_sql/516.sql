/*
code: '516'
name: sgo_to_former_foster_carer_not_from_foster_placement
message: The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.
fields: [REC, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  REC and PLACE are trimmed and compared case-sensitively; the peer upper-cases every value but
  keeps spaces, so it checks e45 but not 'E45 ', and accepts u1 but flags 'U1 ' (we do the reverse
  of each).
*/
-- An episode ending in a special guardianship order to former foster carer(s) (E45, E46) must be
-- a foster placement (U1-U6); a blank PLACE is not one.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN ('E45', 'E46')
  AND (e.place IS NULL OR e.place NOT IN {{ codes('PLACE', 'foster') }})
