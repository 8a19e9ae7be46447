/*
code: '164'
name: placement_distance_not_valid
message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]"
fields: [PL_DISTANCE]
tables: [episodes, episode_places, header]
needs: [uasc]
years: 2023/24-
differs_from_peer: >
  PL_DISTANCE is derived from the postcodes (episode_places), so it is blank or a distance between
  two British grid references, and the rule can fire only on a postcode file whose grid references
  lie outside Great Britain's. As the DfE text says, episodes under LS V3/V4 are left out (the peer
  checks them too). Former UASC status is this year's Header.UASC (the DfE text also reads the two
  previous years' UASC; the peer adds last year's Header when supplied): a child UASC only last
  year is checked here.
  LS is compared case-sensitively after trimming ('v3' is not V3); the peer upper-cases every
  value first.
*/
-- DfE: if not (UASC this year or in either of the two previous years) and LS not V3/V4, then
-- PL_DISTANCE must be between 0.0 and 999.9 (PL_DISTANCE is calculated from the postcodes).
-- Blank distances are rule 392a's.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND NOT EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND h.uasc = '1')
  AND (p.pl_distance < 0 OR p.pl_distance > 999.9)
