/*
code: '224'
name: urn_does_not_match_placement_provider
message: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.
fields: [PLACE_PROVIDER]
tables: [episodes, provider_provider_codes]
years: 2023/24-
differs_from_peer: >
  Only a URN the lists know, with placement provider codes, is checked: an unknown URN is rule
  1008's (the peer flags it here too), and a list row without a provider code (the SA Providers
  sheet has none; the peer assumes PR4 for it) cannot be judged. The codes are split on commas,
  slashes and spaces ('RD1, RD2' gives RD2; the peer keeps ' RD2' and never matches it).
*/
-- If URN is given (not XXXXXXX), PLACE_PROVIDER must be one of the placement provider codes the
-- lists give that URN (a blank PLACE_PROVIDER is none of them).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn IS NOT NULL AND e.urn <> 'XXXXXXX'
  AND EXISTS (SELECT 1 FROM provider_provider_codes AS pc WHERE pc.urn = e.urn)
  AND NOT EXISTS (SELECT 1 FROM provider_provider_codes AS pc
                  WHERE pc.urn = e.urn AND pc.place_provider = e.place_provider)
