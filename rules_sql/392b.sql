/*
code: 392b
name: postcodes_missing
message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]"
fields: [HOME_POST, PL_POST]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  Reads the postcodes as entered, so it needs no postcode file. Former UASC status is this year's
  Header.UASC (the DfE text also reads the two previous years' UASC; the peer adds last year's
  Header when supplied), so a child UASC only last year is flagged here. Without a UASC table no
  child counts as UASC, as in the peer. A postcode of spaces only is blank (staging trims).
  LS is compared case-sensitively after trimming ('v3' is not V3); the peer upper-cases every
  value first.
*/
-- DfE: if LS not V3/V4 and the child is not (and was not) UASC, HOME_POST and PL_POST should both
-- be provided.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND NOT EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND h.uasc = '1')
  AND (e.home_post IS NULL OR e.pl_post IS NULL)
