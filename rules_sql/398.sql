/*
code: '398'
name: distance_fields_completed_for_short_breaks
message: Distance field completed but child looked after under legal status V3 or V4.
fields: [LS, HOME_POST, PL_POST]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces, so
  it flags v3 and misses 'V3 ' (we do the reverse). A postcode of only spaces is blank for us
  (staging makes it NULL); the peer counts it as completed.
*/
-- An episode under a short-breaks legal status (V3, V4) must leave both postcodes (from which the
-- placement distance is derived) blank.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'short_breaks') }}
  AND (e.home_post IS NOT NULL OR e.pl_post IS NOT NULL)
