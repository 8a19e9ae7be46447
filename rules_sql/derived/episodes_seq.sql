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
{% macro seq_order(a) %}ORDER BY {{ a }}.decom, {{ a }}.row_no{% endmacro %}
{% set window = 'PARTITION BY b.child, b.in_seq ' ~ seq_order('b') %}
{% set in_seq = 'e.child IS NOT NULL AND e.decom IS NOT NULL' %}
-- The neighbours' columns come from one pass of windows over the episodes. Periods and spells
-- need a second pass (a running sum of what the first one found), made over the sequence's keys
-- alone and joined back on (child, seq), which that pass numbers uniquely: sorting the fifty
-- columns again cost twice the whole first pass. Both passes take seq_order, so seq agrees.
-- seq is never NULL there; NULLS FIRST only spares SQL Server an emulation of NULL ordering that
-- sqlglot cannot write for SUM().
SELECT o.*,
       CASE WHEN o.seq = 1 THEN 1 ELSE 0 END AS is_first,
       CASE WHEN o.seq = o.seq_count THEN 1 ELSE 0 END AS is_last,
       COALESCE(s.starts_period, 0) AS starts_period,
       CASE WHEN o.seq = o.seq_count OR (o.dec IS NOT NULL AND o.next_decom > o.dec) THEN 1 ELSE 0 END AS ends_period,
       COALESCE(s.starts_ls_spell, 0) AS starts_ls_spell,
       s.period_no,
       s.ls_spell_no
FROM (
  SELECT b.*,
         CASE WHEN b.in_seq = 1 THEN ROW_NUMBER() OVER ({{ window }}) END AS seq,
         CASE WHEN b.in_seq = 1 THEN COUNT(*) OVER (PARTITION BY b.child, b.in_seq) END AS seq_count,
{% for col in cols %}
         CASE WHEN b.in_seq = 1 THEN LAG(b.{{ col }}) OVER ({{ window }}) END AS prev_{{ col }},
         CASE WHEN b.in_seq = 1 THEN LEAD(b.{{ col }}) OVER ({{ window }}) END AS next_{{ col }}{{ ',' if not loop.last }}
{% endfor %}
  FROM (
    SELECT e.row_no, e.child, e.decom, e.decom_raw, e.rne, e.ls, e.cin, e.place, e.place_provider, e.dec,
           e.dec_raw, e.rec, e.reason_place_change, e.home_post, e.pl_post, e.urn,
           CASE WHEN {{ in_seq }} THEN 1 ELSE 0 END AS in_seq
    FROM {{ rel('episodes') }} AS e
  ) AS b
) AS o
LEFT JOIN (
  SELECT t.child, t.seq, t.starts_period, t.starts_ls_spell,
         SUM(t.starts_period) OVER (PARTITION BY t.child ORDER BY t.seq NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS period_no,
         SUM(t.starts_ls_spell) OVER (PARTITION BY t.child ORDER BY t.seq NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ls_spell_no
  FROM (
    SELECT k.child, k.seq,
           CASE WHEN k.seq = 1 OR (k.prev_dec IS NOT NULL AND k.decom > k.prev_dec) THEN 1 ELSE 0 END AS starts_period,
           CASE WHEN k.seq = 1 OR k.ls IS NULL OR k.prev_ls IS NULL OR k.ls <> k.prev_ls
                     OR k.prev_dec IS NULL OR k.decom > k.prev_dec THEN 1 ELSE 0 END AS starts_ls_spell
    FROM (
      SELECT e.child, e.decom, e.ls,
             ROW_NUMBER() OVER (PARTITION BY e.child {{ seq_order('e') }}) AS seq,
             LAG(e.dec) OVER (PARTITION BY e.child {{ seq_order('e') }}) AS prev_dec,
             LAG(e.ls) OVER (PARTITION BY e.child {{ seq_order('e') }}) AS prev_ls
      FROM {{ rel('episodes') }} AS e
      WHERE {{ in_seq }}
    ) AS k
  ) AS t
) AS s ON s.child = o.child AND s.seq = o.seq
