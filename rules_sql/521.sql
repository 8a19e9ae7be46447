/*
code: '521'
name: should_be_placed_after_placed_for_adoption
message: Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.
fields: [PLACE, DECOM, DATE_INT]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  PLACE is compared case-sensitively after trimming (a3 is not A3); the peer upper-cases values.
  Dates with spaces around them are read as dates.
*/
-- DfE: DATE_INT must be on or before the DECOM of every episode placed for adoption (A3-A6).
-- Flags each such episode and each AD1 row dated after it.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.place IN {{ codes('PLACE', 'placed_for_adoption') }}
  AND EXISTS (SELECT 1 FROM ad1 AS a WHERE a.child = e.child AND a.date_int > e.decom)
UNION ALL
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = a.child AND e.place IN {{ codes('PLACE', 'placed_for_adoption') }}
                AND a.date_int > e.decom)
