/*
code: '435'
name: placement_change_not_reflected
message: Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.
fields: [LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  Blank equals blank when comparing with the previous episode (as the peer's own 436 does): the
  peer's 435 treats two blank values as different, so it never finds "placement unchanged" when URN
  (or PL_POST) is blank on both episodes and it flags two blank LS as a change; we flag the first
  and not the second. Only episodes with a valid DECOM are sequenced, ties by row (the peer also
  compares episodes with a blank or invalid DECOM, sorted last, and leaves ties in no defined
  order). Codes are trimmed and compared case-sensitively; the peer upper-cases every value but
  keeps spaces. Measured on the synthetic returns 2023/24-2026/27: 302-305 rows flagged by both per
  year, 119-130 by us only (a new placement, RNE P or T, with the same PLACE, PL_POST and provider
  and blank URN on both), 0-1 by the peer only (an episode whose DECOM is not a date).
*/
{#- differs: two-valued, blank equals blank (a plain <> is unknown on a blank, and NOT of unknown is unknown) #}
{% macro differs(col) -%}
(CASE WHEN s.{{ col }} = s.prev_{{ col }} OR (s.{{ col }} IS NULL AND s.prev_{{ col }} IS NULL) THEN 0 ELSE 1 END = 1)
{%- endmacro %}
-- RNE P or T (placement changed, legal status did not): the LS must be the previous episode's
-- (episodes_seq order) and at least one of PLACE, PL_POST, URN and PLACE_PROVIDER must differ
-- from it (blank equals blank).
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.seq > 1 AND s.rne IN ('P', 'T')
  AND ({{ differs('ls') }}
       OR NOT ({{ differs('place') }} OR {{ differs('pl_post') }} OR {{ differs('urn') }}
               OR {{ differs('place_provider') }}))
