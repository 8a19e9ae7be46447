/*
code: 392c
name: postcodes_not_valid
message: Postcode(s) provided are invalid.
fields: [HOME_POST, PL_POST]
tables: [episode_places]
years: 2023/24-
differs_from_peer: >
  A postcode is valid when it is in the postcode file the user supplies (matched ignoring case and
  spaces, as the peer does); the peer checks against its bundled postcode data, so a postcode
  created since that was made, or one terminated and dropped from it, may differ. A blank postcode
  is rule 392b's.
*/
-- A HOME_POST or PL_POST that is given must be a postcode in the postcode file.
SELECT 'episodes' AS table_name, p.row_no, p.child
FROM episode_places AS p
WHERE p.home_post_found = 0 OR p.pl_post_found = 0
