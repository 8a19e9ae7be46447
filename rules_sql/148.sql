/*
code: '148'
name: episode_end_date_and_reason_not_paired
message: Date episode ceased and reason episode ceased must both be coded, or both left blank.
fields: [DEC, REC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  A DEC of spaces only counts as blank for us (the peer, which does not trim, counts it as coded),
  so with a REC we flag the row and without one we do not; the peer does the opposite. Likewise a
  REC of spaces only is blank for us and coded for the peer.
*/
-- "Coded" means entered: a DEC that is present but not a valid date still counts as coded here
-- (rule 147 reports the bad date), so only blankness is compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE (ssda_is_blank(e.dec_raw) AND e.rec IS NOT NULL)
   OR (NOT ssda_is_blank(e.dec_raw) AND e.rec IS NULL)
