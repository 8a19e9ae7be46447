/*
code: '146'
name: placement_type_not_valid
message: Placement type code is not a valid code.
fields: [PLACE]
tables: [episodes]
years: 2023/24-
fix: {kind: code, field: PLACE}
differs_from_peer: >
  The year's list comes from rules_sql/codes/PLACE.yml. A code retired before the year (H5 and P2
  after 2023/24, Z1 after 2024/25) is accepted on an episode whose valid DEC shows it ended while
  the code was in use (H5: on or before 31/03/2024, when K3 replaced it - see the DfE 503D exception
  H5 -> K3; P2: on or before 28/10/2023, as DfE rule 217t; Z1: on or before 31/03/2025, split into
  Z11-Z14 from 2025/26); the peer accepts H5 and P2 on any episode in 2024/25 and rejects H5, P2
  and Z1 on every episode from 2025/26, so only an episode open into the year, or one that ended
  before it, can differ. The peer's 2024/25 list spells K3 as 'k3' and, as it upper-cases the
  data, flags every K3 episode (peer bug); we accept K3. Codes are compared case-sensitively after
  trimming spaces; the peer upper-cases every value but does not trim (it accepts 'u1', 'z11' and
  'k3', we flag them; it flags 'K2 ' with a trailing space, we accept it).
*/
-- The year's placement codes. In 2023/24 H5, P2 and Z1 are still codes (P2 on an episode open
-- after 28/10/2023 is rule 217t's error, not this one's). A retired code stays acceptable on an
-- episode whose valid DEC shows it ended while the code was in use; an open episode, or one whose
-- DEC is missing or not a date, must carry a current code.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IS NOT NULL
  AND e.place NOT IN {{ codes('PLACE') }}
{% for retired in retired_codes('PLACE') %}
  AND NOT (e.place = '{{ retired.code }}' AND e.dec IS NOT NULL AND e.dec <= ssda_date('{{ retired.last_date }}'))
{% endfor %}
