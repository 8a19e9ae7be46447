/*
code: '630'
name: previous_permanence_not_returned
message: Information on previous permanence option should be returned.
fields: [RNE]
tables: [episodes, previous_permanence]
years: 2023/24-
differs_from_peer: >
  As the peer: an episode with RNE S starting on or after 1 April (a valid DECOM) is flagged when
  the child has no previous permanence row, or has one with PREV_PERM blank, or one whose
  PREV_PERM is not Z1 and lacks LA_PERM or DATE_PERM. Values are trimmed first, so an entry of
  spaces only is blank for us and given for the peer; codes are compared case-sensitively after
  trimming ('s' is not S, 'z1' is not Z1, 'Z1 ' is Z1), where the peer upper-cases values but does
  not trim.
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rne = 'S' AND e.decom >= {{ collection_start }}
  AND (NOT EXISTS (SELECT 1 FROM previous_permanence AS p WHERE p.child = e.child)
       OR EXISTS (SELECT 1 FROM previous_permanence AS p
                  WHERE p.child = e.child
                    AND (p.prev_perm IS NULL
                         OR (p.prev_perm <> 'Z1' AND (p.la_perm IS NULL OR p.date_perm IS NULL)))))
