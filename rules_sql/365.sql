/*
code: '365'
name: respite_placement_longer_than_17_days
message: Any individual short- term respite placement must not exceed 17 days.
fields: [LS, DECOM, DEC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  The peer writes 31 March into the shared DEC column of every open episode, so later rules see
  open episodes as closed (peer bug: its results depend on rule order); ours reads only. LS is
  trimmed and compared case-sensitively; the peer keeps spaces.
*/
-- A short-break episode (LS V3) must not last more than 17 days; an open one (blank DEC) is
-- measured to 31 March. A DECOM or DEC that is not a date is not judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls = 'V3' AND e.decom IS NOT NULL
  AND ((e.dec IS NOT NULL AND ssda_days_between(e.decom, e.dec) > 17)
       OR (ssda_is_blank(e.dec_raw) AND ssda_days_between(e.decom, {{ collection_end }}) > 17))
