/*
code: '208'
name: upn_differs_from_last_year
message: Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.
fields: [UPN]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  A blank UPN last year followed by UN1 this year is accepted, as the peer's own comment intends
  ("change from null to UN1"); its code tests a blank that is UN1 at once and so flags it.
  UPNs are compared case-sensitively after trimming spaces ('a123...' against 'A123...' disagrees,
  'un2' is not UN2); the peer upper-cases both sides and keeps spaces.
*/
-- A child in both years' headers whose UPN changed, except the changes that record what is newly
-- known: from blank to anything, from UN1 to UN2-UN5, and from blank or an unknown code
-- (UN1-UN5) to a real UPN. So a real UPN last year must be repeated, and an unknown code last
-- year may not become blank or another unknown code (UN1 to UN2-UN5 excepted).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND l.upn IS NOT NULL
      AND (h.upn IS NULL
           OR (h.upn <> l.upn
               AND NOT (l.upn = 'UN1' AND h.upn IN ('UN2', 'UN3', 'UN4', 'UN5'))
               AND NOT (l.upn IN {{ codes('UPN') }} AND h.upn NOT IN {{ codes('UPN') }})))
  )
