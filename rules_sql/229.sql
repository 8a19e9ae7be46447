/*
code: '229'
name: placement_provider_does_not_match_provider_la
message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]"
fields: [URN, PLACE_PROVIDER]
tables: [episodes, providers, postcodes]
years: 2023/24-2024/25
differs_from_peer: >
  Every placement type, as the DfE 2022/23 text and the peer. The provider's LA is the upper-tier LA of its setting postcode in the postcode file,
  as the peer infers it; a provider listed more than once (an SA provider's settings) has each of its settings' LAs. A provider whose LA cannot be inferred (postcode blank or not in
  the file), an unknown URN (rule 1008) or a run without the council (la) is not judged; the peer flags every
  PR1 episode whose provider LA it cannot infer. The peer's LA table dates from 2021, so providers
  in Cumberland, Westmorland and Furness, North Yorkshire or Somerset get no LA there.
*/
-- If URN is given (not XXXXXXX): PLACE_PROVIDER PR1 (own LA) needs the provider in the council's
-- area; PR2 (another LA) needs it outside.
WITH r229_provider_las AS (
  -- the upper-tier LA of each listed setting whose postcode the postcode file knows
  SELECT p.urn, pc.utla
  FROM providers AS p
  JOIN postcodes AS pc ON pc.pcd_key = ssda_postcode_key(p.postcode)
  WHERE pc.utla IS NOT NULL
)
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn <> 'XXXXXXX'
  AND {{ la_ons }} IS NOT NULL
  AND EXISTS (SELECT 1 FROM r229_provider_las AS l WHERE l.urn = e.urn)
  AND ((e.place_provider = 'PR1'
        AND NOT EXISTS (SELECT 1 FROM r229_provider_las AS l WHERE l.urn = e.urn AND l.utla = {{ la_ons }}))
       OR (e.place_provider = 'PR2'
           AND EXISTS (SELECT 1 FROM r229_provider_las AS l WHERE l.urn = e.urn AND l.utla = {{ la_ons }})))
