/*
code: '210'
name: upn_un4_with_episode_in_last_week
message: Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.
fields: [UPN, DECOM]
tables: [header, episodes]
years: 2023/24-
differs_from_peer: >
  UPN is trimmed and compared case-sensitively; the peer keeps spaces and upper-cases values.
  The DfE text (as quoted by the peer) is applied as written, as the peer does, although its
  reading contradicts the message (it flags UN4 children who started in the last week).
*/
-- DfE: if UPN = UN4 then no episode DECOM must be >= 24/03/YYYY (a week before the collection
-- end). Flags each such episode and the child's Header row(s).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom >= ssda_add_days({{ collection_end }}, -7)
  AND EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND h.upn = 'UN4')
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.upn = 'UN4'
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = h.child AND e.decom >= ssda_add_days({{ collection_end }}, -7))
