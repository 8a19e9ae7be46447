/*
code: '580'
name: missing_at_18th_birthday_but_rec_not_e8
message: Child is missing when cease being looked after but reason episode ceased not ‘E8’.
fields: [REC]
tables: [episodes, missing]
years: 2023/24-
differs_from_peer: >
  As the peer: an episode is flagged when the child has a missing period ending on the day the
  episode ends (DEC), that day being the child's 18th birthday (from the missing table's DOB), and
  REC is not E8 (blank counts as not E8). REC is compared case-sensitively ('e8' is not E8, so
  it is flagged); the peer upper-cases values first and passes 'e8'.
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.dec IS NOT NULL
  AND (e.rec IS NULL OR e.rec <> 'E8')
  AND EXISTS (SELECT 1 FROM missing AS m
              WHERE m.child = e.child AND m.mis_end = e.dec
                AND ssda_add_years(m.dob, 18) = m.mis_end)
