/*
code: '217t'
name: p2_placement_after_28_october_2023
message: Placement type 'P2' is not a valid placement type from 28 October 2023.
fields: [PLACE, DECOM]
tables: [episodes]
years: 2023/24
differs_from_peer: >
  PLACE is trimmed and compared case-sensitively; the peer keeps spaces (misses 'P2 ') and
  upper-cases values (flags 'p2').
*/
-- P2 is valid only on an episode that ended on or before 28/10/2023 (its last_date in
-- codes/PLACE.yml); an episode still open, or whose DEC is blank or not a date, cannot show it.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place = 'P2' AND (e.dec IS NULL OR e.dec > ssda_date('2023-10-28'))
