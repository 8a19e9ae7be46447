/*
code: '454'
name: placement_distance_over_350_miles
message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]"
fields: [PL_DISTANCE]
tables: [episode_places]
years: 2025/26-
differs_from_peer: >
  PL_DISTANCE is derived from the postcodes with the file the user supplies (the peer: its bundled
  postcodes), in miles to 0.1. 999.9 is the DfE's special value and is not flagged; a derived
  distance never takes it by chance within Great Britain.
*/
-- DfE: if PL_DISTANCE is present and not 999.9, it should be at most 350 miles.
SELECT 'episodes' AS table_name, p.row_no, p.child
FROM episode_places AS p
WHERE p.pl_distance > 350
  AND p.pl_distance <> 999.9
