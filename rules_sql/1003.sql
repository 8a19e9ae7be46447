/*
code: '1003'
name: placed_for_adoption_before_looked_after
message: Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.
fields: [DATE_PLACED, DECOM, RNE]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  RNE is compared case-sensitively (a lower-case s is not S); the peer upper-cases every value
  first. The peer also raises an error (and reports nothing) when a child's only RNE S episodes
  have no valid DECOM; we leave such a child out.
*/
-- DATE_PLACED cannot be before the DECOM of the child's first episode with RNE = 'S' (the S episode
-- earliest in the child's sequence: valid DECOM, ties by row). Flags that episode and each
-- placed-for-adoption row dated before it.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.rne = 'S'
  AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o WHERE o.child = s.child AND o.rne = 'S' AND o.seq < s.seq)
  AND EXISTS (SELECT 1 FROM placed_for_adoption AS p WHERE p.child = s.child AND p.date_placed < s.decom)
UNION ALL
SELECT 'placed_for_adoption' AS table_name, p.row_no, p.child
FROM placed_for_adoption AS p
WHERE EXISTS (SELECT 1 FROM episodes_seq AS s
              WHERE s.child = p.child AND s.in_seq = 1 AND s.rne = 'S' AND p.date_placed < s.decom
                AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                                WHERE o.child = s.child AND o.rne = 'S' AND o.seq < s.seq))
