/*
code: '710'
name: dolo_in_excluded_placement
message: Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.
fields: [DOLO_START, PLACE]
tables: [dolo, episodes]
years: 2026/27-
differs_from_peer: >
  The DfE text names the field PLACEMENT; the episodes column is PLACE, which we read. The peer
  reads a PLACEMENT column that no return has, so its rule raises and reports nothing on every
  real return (its own test invents the column): everything we flag is ours only. Otherwise as
  its logic: a DoLO with a valid DOLO_START and DOLO_END overlaps an episode when it starts on or
  before the episode's DEC (or the episode has no valid DEC) and ends on or after its DECOM; an
  overlapped episode placed in K1, P1, R5 or K3 is flagged, and so is the DoLO. PLACE is compared
  case-sensitively ('k1' is not K1).
*/
-- K1, P1, R5 and K3 are named by the DfE for this rule only, so they stay literal here.
WITH r710_pairs AS (
  SELECT d.row_no AS dolo_row, e.row_no AS episode_row, d.child
  FROM dolo AS d
  JOIN episodes AS e ON e.child = d.child
  WHERE d.dolo_start IS NOT NULL AND d.dolo_end IS NOT NULL AND e.decom IS NOT NULL
    AND (e.dec IS NULL OR d.dolo_start <= e.dec) AND d.dolo_end >= e.decom
    AND e.place IN ('K1', 'P1', 'R5', 'K3')
)
SELECT DISTINCT 'dolo' AS table_name, p.dolo_row AS row_no, p.child FROM r710_pairs AS p
UNION ALL
SELECT DISTINCT 'episodes' AS table_name, p.episode_row AS row_no, p.child FROM r710_pairs AS p
