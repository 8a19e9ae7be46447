/*
code: '451'
name: still_freed_for_adoption
message: Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.
fields: [DEC, REC, LS]
tables: [episodes]
years: 2023/24
differs_from_peer: >
  LS is trimmed and compared case-sensitively; the peer upper-cases every value but keeps spaces, so
  d1 is D1 for it and 'D1 ' is not (the reverse for us). A DEC or REC of only spaces is blank for
  us; the peer reads it as completed.
*/
-- An open episode (DEC and REC both blank) under a freeing order (LS D1).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'D1' AND ssda_is_blank(e.dec_raw) AND e.rec IS NULL
