/*
code: '179'
name: placement_location_not_valid
message: Placement location code is not a valid code.
fields: [PL_LOCATION]
tables: [episodes, episode_places]
years: 2023/24-
differs_from_peer: >
  PL_LOCATION is derived (episode_places): IN when PL_LA is the council's own authority, OUT
  otherwise, blank when PL_POST is blank or not in the postcode file; so a derived value is always
  valid and only a blank one is flagged, as the peer does. The peer's PL_LOCATION is blank exactly
  when the postcode is unknown to its bundled 2021 postcode data. Without --la (or with an LA code
  that has no ONS code) PL_LOCATION cannot be derived, so nothing is flagged (the peer always has
  its localAuthority).
  LS is compared case-sensitively after trimming ('v3' is not V3); the peer upper-cases every
  value first.
*/
-- Outside short breaks (LS V3/V4) every episode needs a PL_LOCATION of IN or OUT.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND {{ la_ons }} IS NOT NULL
  AND (p.pl_location IS NULL OR p.pl_location NOT IN ('IN', 'OUT'))
