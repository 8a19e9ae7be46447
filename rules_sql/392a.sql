/*
code: 392a
name: placement_distance_missing
message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]"
fields: [PL_DISTANCE]
tables: [episodes, episode_places, header]
needs: [uasc]
years: 2023/24-
differs_from_peer: >
  PL_DISTANCE is derived from HOME_POST and PL_POST with the postcode file the user supplies: it is
  blank when either postcode is blank or not in the file. Postcodes created since the peer's
  bundled data was made are blank there (flagged by the peer only). Former UASC status is this
  year's Header.UASC (the DfE text also reads the two previous years' UASC; the peer adds last
  year's Header when supplied), so a child UASC only last year is flagged here. uasc is needed:
  without the UASC table Header.UASC is unknown (the peer then does nothing).
  LS is compared case-sensitively after trimming ('v3' is not V3); the peer upper-cases every
  value first.
*/
-- DfE: if LS not V3/V4 and the child is not (and was not) UASC, PL_DISTANCE must be provided.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND NOT EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND h.uasc = '1')
  AND p.pl_distance IS NULL
