/*
code: '241'
name: placement_la_not_where_provider_has_premises
message: LA of placement is not an LA the provider has premises.
fields: [URN]
tables: [episodes, episode_places, providers, postcodes]
years: 2025/26-
differs_from_peer: >
  The DfE text (in the peer's comment): if URN is given (not XXXXXXX) and PL is K3, PL_LA must
  equal the Ofsted URN lookup's LA code for that URN, where a provider may have more than one. We
  compare PL_LA (from PL_POST) with the upper-tier LAs of the provider's settings (their postcodes
  in the postcode file); the peer compares PL_LA with the submitting council instead, so it flags
  every K3 placement outside the council (and every one whose PL_LA it cannot infer). An episode
  whose PL_LA is unknown, or a provider none of whose settings' LAs is known, is not judged.
*/
-- A K3 placement with a URN must be in an LA where the provider has a setting.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS ep ON ep.child = e.child AND ep.row_no = e.row_no
WHERE e.place = 'K3'
  AND e.urn <> 'XXXXXXX'
  AND ep.pl_la IS NOT NULL
  AND EXISTS (SELECT 1 FROM providers AS p JOIN postcodes AS pc ON pc.pcd_key = ssda_postcode_key(p.postcode)
              WHERE p.urn = e.urn AND pc.utla IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM providers AS p JOIN postcodes AS pc ON pc.pcd_key = ssda_postcode_key(p.postcode)
                  WHERE p.urn = e.urn AND pc.utla = ep.pl_la)
