/*
code: '434'
name: legal_status_change_not_reflected
message: Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.
fields: [RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  Blank equals blank, for LS too (the peer treats two blank LS as different, so it does not flag a
  blank LS after a blank one; its other four fields it compares as we do). Only episodes with a
  valid DECOM are sequenced, ties by row (the peer sorts episodes with a blank or invalid DECOM last
  and compares them too, and leaves ties in no defined order). Codes are trimmed and compared
  case-sensitively; the peer upper-cases every value but keeps spaces, so for it 'L ' is not L,
  values differing by a trailing space differ and values differing by case do not (the reverse for
  us). Measured on the synthetic returns: 218-239 rows flagged by both per year, one by the peer
  only in 2026/27 (an episode whose DECOM is not a date).
*/
{#- differs: two-valued, blank equals blank (a plain <> is unknown on a blank, and NOT of unknown is unknown) #}
{% macro differs(col) -%}
(CASE WHEN s.{{ col }} = s.prev_{{ col }} OR (s.{{ col }} IS NULL AND s.prev_{{ col }} IS NULL) THEN 0 ELSE 1 END = 1)
{%- endmacro %}
-- RNE L (legal status changed, placement did not): the LS must differ from the previous
-- episode's (episodes_seq order) and PLACE, PL_POST, URN and PLACE_PROVIDER must all be the same
-- (blank equals blank, for LS too).
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.seq > 1 AND s.rne = 'L'
  AND (NOT {{ differs('ls') }}
       OR {{ differs('place') }} OR {{ differs('pl_post') }} OR {{ differs('urn') }}
       OR {{ differs('place_provider') }})
