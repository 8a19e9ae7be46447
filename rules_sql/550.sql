/*
code: '550'
name: provider_pr0_without_p1
message: A placement provider code of PR0 can only be associated with placement P1.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and PLACE_PROVIDER are trimmed and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it accepts PR0 with p1 and flags it with 'P1 ', and misses 'PR0 ' (we
  do the reverse of each).
*/
-- Provider PR0 (parents or others with parental responsibility) only goes with placement P1; a
-- blank PLACE is not P1.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider = 'PR0' AND (e.place IS NULL OR e.place <> 'P1')
