/*
code: '526'
name: placement_provider_missing
message: Child is missing a placement provider code for at least one episode.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
fix:
  kind: sql                # P1 allows PR0 only (527-531 refuse PR1-PR5 with P1)
  field: PLACE_PROVIDER
  confidence: suggested
  tables: [episodes]
  sql: >
    SELECT 'episodes' AS table_name, e.row_no, 'PR0' AS new,
           'placed with parents (P1): the only provider code the rules allow with P1 is PR0, parents or others with parental responsibility' AS reason
    FROM episodes AS e WHERE e.place = 'P1' AND e.place_provider IS NULL
differs_from_peer: >
  The exempt placements are the year's temporary (T0-T4) and other (Z1 to 2024/25, Z11-Z14 from
  2025/26) codes of rules_sql/codes/PLACE.yml, as the peer's two versions. Codes are trimmed and
  compared case-sensitively; the peer upper-cases every value but keeps spaces, so it exempts t1 but
  not 'T1 ' (we the reverse); a provider of only spaces is blank for us, completed for the peer.
*/
-- Every episode needs a placement provider, except temporary placements and "other" placements
-- (Z1; from 2025/26 Z11-Z14). A blank PLACE is not exempt. In 2025/26 and later a Z1 episode is
-- not exempt (Z1 is no longer a code), as the peer.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider IS NULL
  AND (e.place IS NULL OR (e.place NOT IN {{ codes('PLACE', 'temporary') }}
                           AND e.place NOT IN {{ codes('PLACE', 'other') }}))
