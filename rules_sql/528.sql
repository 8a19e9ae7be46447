/*
code: '528'
name: provider_pr2_with_p1_r2_or_r5
message: A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.
fields: [PLACE, PLACE_PROVIDER]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  PLACE and PLACE_PROVIDER are trimmed and compared case-sensitively; the peer upper-cases every
  value but keeps spaces, so it flags p1 with pr2 and misses 'P1 ' or 'PR2 ' (we do the reverse).
*/
-- Placement provider PR2 cannot provide a placement with parents (P1), an NHS/health establishment
-- (R2) or a young offender institution (R5).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place_provider = 'PR2' AND e.place IN ('P1', 'R2', 'R5')
