/*
code: '362'
name: emergency_protection_order_longer_than_21_days
message: Emergency protection order (EPO) lasted longer than 21 days
fields: [DECOM, LS, DEC]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  Consecutive L2 episodes (each starting on or before the DEC of the one before it in the child's
  sequence) count as one spell from the first DECOM to the last DEC, an open episode (blank DEC)
  running to 31 March; an episode whose DEC is not a date ends nothing. The peer measures the same
  spells but builds them from its file or DECOM order, including episodes with a blank or invalid
  DECOM. The message is the peer's string without its Python concatenation quotes. LS is trimmed
  and compared case-sensitively; the peer keeps spaces.
  The peer also chains an L2 episode to a later one across an episode with another status.
*/
-- Flags every episode of a spell of an emergency protection order (LS L2) for more than 21 days.
WITH r362_eps AS (
  SELECT s.row_no, s.child, s.seq, s.decom,
         CASE WHEN s.dec IS NOT NULL THEN s.dec WHEN ssda_is_blank(s.dec_raw) THEN {{ collection_end }} END AS spell_end,
         CASE WHEN s.prev_ls = 'L2' AND s.prev_dec IS NOT NULL AND s.decom <= s.prev_dec THEN 0 ELSE 1 END AS starts_spell
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND s.ls = 'L2'
), r362_spells AS (
  SELECT p.row_no, p.child, p.decom, p.spell_end,
         SUM(p.starts_spell) OVER (PARTITION BY p.child ORDER BY p.seq
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS spell_no
  FROM r362_eps AS p
), r362_long AS (
  SELECT g.child, g.spell_no
  FROM (SELECT x.child, x.spell_no, MIN(x.decom) AS first_decom, MAX(x.spell_end) AS last_end
        FROM r362_spells AS x GROUP BY x.child, x.spell_no) AS g
  WHERE ssda_days_between(g.first_decom, g.last_end) > 21
)
SELECT 'episodes' AS table_name, r.row_no, r.child
FROM r362_spells AS r
JOIN r362_long AS l ON l.child = r.child AND l.spell_no = r.spell_no
