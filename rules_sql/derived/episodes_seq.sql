/*
relation: episodes_seq
reads: [episodes]
description: >
  Every staged episode with its place in the child's sequence. The sequence holds the episodes
  with a CHILD and a valid DECOM, ordered by DECOM, ties broken by row (the later row is the later
  episode); an episode without a valid DECOM keeps its row here but takes no part (seq and every
  prev_/next_ column NULL, flags 0). A period of care is a run of episodes each starting on or
  before the day the previous one ended; a gap of a day or more starts a new period. A previous
  episode with no valid DEC (still open, or not a date) does not end the period.
columns:
  row_no: the episode's row (as in staging); every staged episode column follows under its own name
  in_seq: 1 when the episode is sequenced (it has a CHILD and a valid DECOM), else 0
  seq: 1-based position in the child's sequence (NULL when not sequenced)
  seq_count: episodes in the child's sequence
  is_first: 1 for the child's first sequenced episode, else 0
  is_last: 1 for the child's latest sequenced episode, else 0
  prev_row_no: row, DECOM, DEC, RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE, PL_POST and URN of the previous episode (prev_decom, prev_dec, prev_rne, ...)
  next_row_no: the same of the next episode (next_decom, next_dec, next_rne, ...)
  starts_period: 1 when the episode starts a period of care (the first, or after a gap), else 0
  ends_period: 1 when it ends one (the latest, or the next starts after a gap), else 0
  period_no: 1-based number of the child's period of care the episode belongs to
  starts_ls_spell: 1 when the episode starts a legal-status spell (the first, a different LS from the previous episode, or a start after the previous one's DEC, or a previous one with no valid DEC), else 0
  ls_spell_no: 1-based number of the child's legal-status spell, a run of consecutive episodes with the same LS, each starting on or before the previous one's DEC (rules 361-364 measure L1, L2, L3 and J2 spells)
*/
{% set cols = ['row_no', 'decom', 'dec', 'rne', 'ls', 'cin', 'place', 'place_provider', 'rec',
                 'reason_place_change', 'pl_post', 'urn'] %}
{% set window = 'PARTITION BY e.child ORDER BY e.decom, e.row_no' %}
-- The sequence is numbered over its keys alone (child, DECOM, row, and the DEC and LS that periods
-- and spells compare), and each episode finds its neighbours' columns by their rows, two joins on
-- row_no: sorting all fifty columns through the windows cost half as much again (100k children:
-- 0.41-0.55 s against 0.30-0.35 s a year, one thread). seq is never NULL in the running sums;
-- NULLS FIRST only spares SQL Server an emulation of NULL ordering that sqlglot cannot write for
-- SUM().
SELECT b.row_no, b.child, b.decom, b.decom_raw, b.rne, b.ls, b.cin, b.place, b.place_provider, b.dec,
       b.dec_raw, b.rec, b.reason_place_change, b.home_post, b.pl_post, b.urn,
       CASE WHEN b.child IS NOT NULL AND b.decom IS NOT NULL THEN 1 ELSE 0 END AS in_seq,
       k.seq,
       k.seq_count,
{% for col in cols %}
       p.{{ col }} AS prev_{{ col }},
       n.{{ col }} AS next_{{ col }},
{% endfor %}
       CASE WHEN k.seq = 1 THEN 1 ELSE 0 END AS is_first,
       CASE WHEN k.seq = k.seq_count THEN 1 ELSE 0 END AS is_last,
       COALESCE(k.starts_period, 0) AS starts_period,
       CASE WHEN k.seq = k.seq_count OR (b.dec IS NOT NULL AND n.decom > b.dec) THEN 1 ELSE 0 END AS ends_period,
       COALESCE(k.starts_ls_spell, 0) AS starts_ls_spell,
       k.period_no,
       k.ls_spell_no
FROM {{ rel('episodes') }} AS b
LEFT JOIN (
  SELECT t.row_no, t.seq, t.seq_count, t.prev_row_no, t.next_row_no, t.starts_period, t.starts_ls_spell,
         SUM(t.starts_period) OVER (PARTITION BY t.child ORDER BY t.seq NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS period_no,
         SUM(t.starts_ls_spell) OVER (PARTITION BY t.child ORDER BY t.seq NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ls_spell_no
  FROM (
    SELECT q.row_no, q.child, q.seq, q.seq_count, q.prev_row_no, q.next_row_no,
           CASE WHEN q.seq = 1 OR (q.prev_dec IS NOT NULL AND q.decom > q.prev_dec) THEN 1 ELSE 0 END AS starts_period,
           CASE WHEN q.seq = 1 OR q.ls IS NULL OR q.prev_ls IS NULL OR q.ls <> q.prev_ls
                     OR q.prev_dec IS NULL OR q.decom > q.prev_dec THEN 1 ELSE 0 END AS starts_ls_spell
    FROM (
      SELECT e.row_no, e.child, e.decom, e.ls,
             ROW_NUMBER() OVER ({{ window }}) AS seq,
             COUNT(*) OVER (PARTITION BY e.child) AS seq_count,
             LAG(e.row_no) OVER ({{ window }}) AS prev_row_no,
             LEAD(e.row_no) OVER ({{ window }}) AS next_row_no,
             LAG(e.dec) OVER ({{ window }}) AS prev_dec,
             LAG(e.ls) OVER ({{ window }}) AS prev_ls
      FROM {{ rel('episodes') }} AS e
      WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
    ) AS q
  ) AS t
) AS k ON k.row_no = b.row_no
LEFT JOIN {{ rel('episodes') }} AS p ON p.row_no = k.prev_row_no
LEFT JOIN {{ rel('episodes') }} AS n ON n.row_no = k.next_row_no
