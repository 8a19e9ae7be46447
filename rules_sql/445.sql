/*
code: '445'
name: freeing_order_on_episode_after_2005
message: D1 is not a valid code for episodes starting after December 2005.
fields: [LS, DECOM]
tables: [episodes]
years: 2023/24
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces, so
  d1 is D1 for it and 'D1 ' is not (the reverse for us).
*/
-- Freeing orders (LS D1) ended with December 2005: an episode starting after 31/12/2005 cannot
-- carry D1. A blank or invalid DECOM cannot be judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'D1' AND e.decom > ssda_date('2005-12-31')
