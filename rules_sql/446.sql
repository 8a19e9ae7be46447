/*
code: '446'
name: placement_order_on_episode_before_december_2005
message: E1 is not a valid code for episodes starting before December 2005.
fields: [LS, DECOM]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces, so
  e1 is E1 for it and 'E1 ' is not (the reverse for us).
*/
-- Placement orders (LS E1) began in December 2005: an episode starting before 01/12/2005 cannot
-- carry E1. A blank or invalid DECOM cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'E1' AND e.decom < ssda_date('2005-12-01')
