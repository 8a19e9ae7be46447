/*
code: '221'
name: urn_does_not_match_placement_postcode
message: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.
fields: [PL_POST]
tables: [episodes, providers]
years: 2023/24
differs_from_peer: >
  Placement types H5, K1, K2, R3 or S1 (the DfE 2023/24 list, as the peer's). Postcodes match whatever their case and spacing
  (ssda_postcode_key), and no postcode file is needed. Only a URN the lists know, with a
  postcode, is checked: an unknown URN is rule 1008's (the peer flags it here too). A URN listed
  more than once (an SA provider's settings) matches any of its postcodes; the peer flags the
  episode unless every row matches.
*/
-- If URN is given (not XXXXXXX), LS is not V3/V4, PLACE is one of the placement types above and
-- PL_POST is given, PL_POST must be the provider's postcode in the lists.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn IS NOT NULL AND e.urn <> 'XXXXXXX'
  AND (e.ls IS NULL OR e.ls NOT IN ('V3', 'V4'))
  AND e.place IN ('H5', 'K1', 'K2', 'R3', 'S1')
  AND e.pl_post IS NOT NULL
  AND EXISTS (SELECT 1 FROM providers AS p WHERE p.urn = e.urn AND p.postcode IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM providers AS p
                  WHERE p.urn = e.urn AND ssda_postcode_key(p.postcode) = ssda_postcode_key(e.pl_post))
