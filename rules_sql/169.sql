/*
code: '169'
name: placement_la_missing
message: Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.
fields: [PL_LA]
tables: [episodes, episode_places]
years: 2023/24-
differs_from_peer: >
  PL_LA is derived from PL_POST with the postcode file the user supplies (episode_places): the
  upper-tier authority of the postcode, or WAL/SCO/NIR. The peer derives it from its bundled
  postcodes with a 2021 authority table, so placements in Cumberland, Westmorland and Furness, North
  Yorkshire and Somerset (2023 unitary authorities) have no PL_LA there and are flagged by the peer,
  not by us; Channel Islands and Isle of Man postcodes are NUK here and have no PL_LA in the peer.
  A placement abroad (NUK) or a confidential one (CON) with no PL_POST cannot be derived from a
  postcode: a blank PL_POST is flagged by both.
  LS is compared case-sensitively after trimming ('v3' is not V3); the peer upper-cases every
  value first.
*/
-- Outside short breaks (LS V3/V4) every episode needs a PL_LA: PL_POST blank or not in the
-- postcode file leaves it blank.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND p.pl_la IS NULL
