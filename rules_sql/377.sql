/*
code: '377'
name: more_than_two_carer_holiday_placements
message: Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.
fields: [PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  As the peer, the 12 months are the return's episodes. The message is the peer's string without
  its Python concatenation quotes. PLACE is trimmed and compared case-sensitively; the peer keeps
  spaces and upper-cases values.
*/
-- A child may have at most two episodes with PLACE T3 (temporary accommodation while the usual
-- foster carers are on holiday); with more, every T3 episode of the child is flagged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'T3'
  AND e.child IN (SELECT t.child FROM episodes AS t WHERE t.place = 'T3' AND t.child IS NOT NULL
                  GROUP BY t.child HAVING COUNT(*) > 2)
