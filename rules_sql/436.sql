/*
code: '436'
name: legal_status_and_placement_change_not_reflected
message: Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.
fields: [RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  Only episodes with a valid DECOM are sequenced, ties by row (the peer also compares episodes with
  a blank or invalid DECOM, sorted last, and leaves ties in no defined order). Codes are trimmed and
  compared case-sensitively; the peer upper-cases every value but keeps spaces, so for it 'B ' is
  not B and values differing only by a trailing space differ. Measured on the synthetic returns:
  181-203 rows flagged by both per year, one by the peer only in 2024/25 (an episode whose DECOM is
  not a date).
*/
{#- differs: two-valued, blank equals blank (a plain <> is unknown on a blank, and NOT of unknown is unknown) #}
{% macro differs(col) -%}
(CASE WHEN s.{{ col }} = s.prev_{{ col }} OR (s.{{ col }} IS NULL AND s.prev_{{ col }} IS NULL) THEN 0 ELSE 1 END = 1)
{%- endmacro %}
-- RNE B or U (legal status and placement changed): the LS must differ from the previous episode's
-- (episodes_seq order) and at least one of PLACE, PL_POST, URN and PLACE_PROVIDER must differ
-- too (blank equals blank, as the peer).
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.seq > 1 AND s.rne IN ('B', 'U')
  AND (NOT {{ differs('ls') }}
       OR NOT ({{ differs('place') }} OR {{ differs('pl_post') }} OR {{ differs('urn') }}
               OR {{ differs('place_provider') }}))
