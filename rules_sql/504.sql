/*
code: '504'
name: category_of_need_changed_within_period
message: The category of need code differs from that reported at start of current period of being looked after
fields: [CIN]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  As the peer, each episode continuing the previous one (previous REC X1, DECOM on its DEC) is
  compared with that previous episode. Blank equals blank: the peer flags two blank CIN as
  different. Episodes are in episodes_seq order (valid DECOM, ties by row; the peer leaves ties
  in no defined order). CIN is trimmed; the peer keeps spaces, so 'N1 ' after N1 differs for it.
*/
-- An episode that continues the period on the same day (the previous episode ended with REC X1 on
-- this episode's DECOM) must keep the previous episode's category of need; a CIN given on one and
-- blank on the other differs.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.prev_rec = 'X1' AND s.prev_dec = s.decom
  AND (s.cin <> s.prev_cin OR (s.cin IS NULL AND s.prev_cin IS NOT NULL)
       OR (s.cin IS NOT NULL AND s.prev_cin IS NULL))
