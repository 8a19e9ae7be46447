/*
code: '359'
name: looked_after_over_18_not_section_20_community_home
message: Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.
fields: [DEC, LS, PLACE]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  The peer's rule 365 writes 31 March into every blank DEC of the shared data, so run in its
  installed order this rule never fires (peer bug; research/peer.md: 0 rows installed against
  649 isolated); we match its isolated run. Codes are trimmed and compared case-sensitively.
*/
-- An open episode (blank DEC) of a child whose 18th birthday falls before 31 March must be LS V2
-- (section 20) in a children's home (PL K2). A DEC that is given but not a date is not open.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE ssda_is_blank(e.dec_raw)
  AND CASE WHEN e.ls = 'V2' AND e.place = 'K2' THEN 1 ELSE 0 END = 0
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND ssda_add_years(h.dob, 18) < {{ collection_end }})
