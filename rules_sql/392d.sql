/*
code: 392d
name: home_and_placement_postcodes_same
message: Home and placement postcodes should not be same unless the placement type is P1.
fields: [HOME_POST, PL_POST, PLACE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Reads the postcodes as entered, so it needs no postcode file. The two postcodes are compared the
  way they are matched to the postcode file, ignoring case and spaces ('M1 1AA' is 'm11aa'); the
  peer upper-cases them but compares the spaces, so it passes 'M1 1AA' against 'M11AA'. PLACE is
  compared case-sensitively after trimming ('p1' is not P1); the peer upper-cases it first.
*/
-- Unless the placement is with parents (PLACE P1), HOME_POST and PL_POST must differ; a blank
-- PLACE is not P1, and a blank postcode is not compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE (e.place IS NULL OR e.place <> 'P1')
  AND ssda_postcode_key(e.home_post) = ssda_postcode_key(e.pl_post)
