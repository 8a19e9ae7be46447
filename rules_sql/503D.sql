/*
code: '503D'
name: first_place_differs_from_open_episode_last_year
message: The placement type in the first episode does not match open episode at end of last year
fields: [PLACE]
tables: [episodes_seq, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  One file for the three DfE versions: the exception comes from rules_sql/codes/PLACE.yml. A code
  retired at the end of last year may continue this year under one of its successors (group
  successors_<code>): H5 -> K3 in 2024/25 (the DfE 2024/25 text), Z1 -> Z11-Z14 in 2025/26 (the
  peer's 2025/26 exception, where Z1 was split); nothing in 2023/24 or 2026/27, as the peer. The
  DfE 2025/26 text keeps "[For 2025 only: H5 -> K3]"; an H5 episode open at 31/03/2025 was already
  an error in 2024/25, so we, like the peer, do not except it in 2025/26. The peer also excepts
  H5 -> K3 in 2023/24, when K3 is not a code yet (rule 146 flags it); we flag it here too.
  Codes are compared case-sensitively after trimming ('u1' against 'U1' differs); the peer
  upper-cases every value first. DECOM ties are broken by row (first episode: the earlier row;
  last year's final episode: the later row), where the peer takes the first row either way.
  Episodes with a blank or invalid DECOM are left out; a child with no valid DECOM at all makes
  the peer's rule fail for the whole return, while here that child is simply not compared.
*/
-- When the child's final episode last year (latest valid DECOM, ties by row) was still open (DEC
-- blank or not a valid date), the child's first episode this year (earliest valid DECOM, ties by
-- row) must have the same PLACE, except a code retired on last year's end (last_date = 31 March
-- of last year) followed by one of its successors. A blank PLACE on one side only differs.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND (f.place <> p.place
       OR (f.place IS NULL AND p.place IS NOT NULL)
       OR (f.place IS NOT NULL AND p.place IS NULL))
{% for retired in retired_codes('PLACE') if retired.last_date.endswith('-03-31') %}
  AND NOT (p.place = '{{ retired.code }}' AND ssda_date('{{ retired.last_date }}') = {{ previous_end }}
           AND f.place IN {{ codes('PLACE', 'successors_' ~ retired.code) }})
{% endfor %}
