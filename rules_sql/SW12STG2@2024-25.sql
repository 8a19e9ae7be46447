/*
code: SW12STG2
name: social_worker_episodes_not_covering_care
message: If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after
fields: [SW_DECOM, DECOM, DEC]
tables: [episodes, sw_episodes]
years: 2024/25-
stage: 2
differs_from_peer: >
  The DfE publishes no logic for this rule; we follow the peer's reading, which from 2024/25 looks
  only at episodes that are open (no valid DEC) or ended from 1 April of the previous year to
  31 March. An episode that starts care (RNE S) or ends it (a REC other than X1, or a DEC with a blank REC) with LS
  other than V3/V4 needs a social worker episode of the child starting on or after its DECOM (RNE
  S) or on or before its DEC (REC not X1). We flag the episode when no social worker episode fits,
  as the peer's own test cases describe ("has SW EP"); the peer flags it whenever any one of the
  child's social worker episodes fits neither (so a child with an earlier, unrelated social
  worker episode is flagged by the peer only). The peer's window starts 365.2425 days before
  1 April, which leaves out a DEC on the first day in a year after 29 February; ours starts on
  1 April. An open episode (no valid DEC, blank REC) that does not start care ends nothing and is not judged, as the peer's own test comments say ("Pass, ... not a start or end placement"); the peer's code flags it (a blank REC compares unequal to X1), so every child whose current episode is not their first would be flagged however complete their social worker episodes. A blank or invalid SW_DECOM fits nothing. Codes are compared case-sensitively ('s' is not S, 'v3' is not V3); the peer upper-cases
  values first.
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
-- "A social worker episode fits" needs only the child's first and latest valid SW_DECOM: one
-- starts on or before DEC when the first does, one on or after DECOM when the latest does (a
-- NOT EXISTS with an OR between the two was a search of every pair, the slowest rule).
FROM episodes AS e
LEFT JOIN (SELECT w.child, MIN(w.sw_decom) AS first_sw, MAX(w.sw_decom) AS last_sw
           FROM sw_episodes AS w
           GROUP BY w.child) AS w ON w.child = e.child
WHERE (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
  AND (e.rne = 'S' OR e.rec <> 'X1' OR (e.rec IS NULL AND e.dec IS NOT NULL))
  AND (e.dec IS NULL
       OR (e.dec >= ssda_add_years({{ collection_start }}, -1) AND e.dec <= {{ collection_end }}))
  -- no social worker episode starts by an end of care (REC not X1) ...
  AND (w.first_sw IS NULL OR e.dec IS NULL OR w.first_sw > e.dec OR e.rec = 'X1')
  -- ... nor from a start of care (RNE S)
  AND (w.last_sw IS NULL OR e.decom IS NULL OR w.last_sw < e.decom OR e.rne IS NULL OR e.rne <> 'S')
