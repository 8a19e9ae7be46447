/*
code: '219'
name: urn_does_not_match_placement_type
message: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.
fields: [URN, PLACE]
tables: [episodes, provider_places]
years: 2023/24-
differs_from_peer: >
  Only a URN the lists know, with placement codes, is checked: an unknown URN is rule 1008's
  (the peer flags it here too), and a provider whose list row gives no placement code cannot be
  judged. A URN listed more than once (an SA provider's settings) may take any code any of its rows
  gives. Supported accommodation (the SA Providers sheet) takes K3, and H5 (the 2023/24 code for
  it from 28 October 2023); the peer gives it K3 only. Codes are split on commas, slashes and
  spaces ('PR1, PR2'), where the peer splits on commas and keeps the spaces.
*/
-- If URN is given (not XXXXXXX), PLACE must be one of the placement codes the lists give that URN.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn IS NOT NULL AND e.urn <> 'XXXXXXX'
  AND EXISTS (SELECT 1 FROM provider_places AS pp WHERE pp.urn = e.urn)
  AND NOT EXISTS (SELECT 1 FROM provider_places AS pp WHERE pp.urn = e.urn AND pp.place = e.place)
