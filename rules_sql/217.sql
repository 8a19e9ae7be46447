/*
code: '217'
name: adoption_with_current_carers_reason_not_s_t_u
message: Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.
fields: [PLACE, DECOM, RNE]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared case-sensitively; the peer upper-cases values (it accepts 's'
  and flags 'a3') and keeps spaces (it flags RNE 'S ').
*/
-- An episode placed for adoption with current foster carers (A3, A5) starting on or after
-- 01/04/2015 (when these codes began) must have RNE S, T or U. A blank or invalid DECOM is not judged.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'adoption_with_current_carers') }}
  AND e.decom >= ssda_date('2015-04-01')
  AND (e.rne IS NULL OR e.rne NOT IN ('S', 'T', 'U'))
