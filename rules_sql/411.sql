/*
code: '411'
name: placement_location_disagrees_with_la
message: Placement location code disagrees with LA of placement.
fields: [PL_LOCATION]
tables: [episode_places]
years: 2023/24-
differs_from_peer: >
  PL_LOCATION is derived from PL_LA (IN exactly when PL_LA is the council's ONS code), so the rule
  cannot fire on derived data, here or in the peer; it is kept for completeness of the catalogue.
*/
-- PL_LOCATION IN says the placement is in the council's own area: PL_LA must be the council's.
SELECT 'episodes' AS table_name, p.row_no, p.child
FROM episode_places AS p
WHERE p.pl_location = 'IN'
  AND (p.pl_la IS NULL OR {{ la_ons }} IS NULL OR p.pl_la <> {{ la_ons }})
