/*
code: '582'
name: adopted_on_date_of_matching
message: Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.
fields: [DEC, DATE_MATCH]
tables: [episodes, ad1]
years: 2023/24-
differs_from_peer: >
  The peer compares DEC and DATE_MATCH as text, so 1/6/2025 and 01/06/2025 differ there and two
  equal invalid texts match; we compare valid dates. REC is compared case-sensitively after trimming.
*/
-- DfE: if REC = E11 or E12, that episode's DEC should not equal DATE_MATCH. Flags the episode only,
-- as the peer does.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.rec IN {{ codes('REC', 'adopted') }}
  AND EXISTS (SELECT 1 FROM ad1 AS a WHERE a.child = e.child AND a.date_match = e.dec)
