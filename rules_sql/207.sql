/*
code: '207'
name: mother_status_differs_from_last_year
message: Mother status for the current year disagrees with the mother status already recorded for this child.
fields: [MOTHER]
tables: [header, header_last, episodes]
years: 2023/24-
differs_from_peer: >
  MOTHER and CHILD are trimmed and compared exactly; the peer keeps spaces, so it reads ' 1' last
  year as not a mother and '1 ' this year as a change.
*/
-- A child recorded as a mother last year (MOTHER 1 on a row of last year's header) who has an
-- episode this year must still be recorded as a mother: a MOTHER this year other than 1, blank
-- included, disagrees.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE (h.mother IS NULL OR h.mother <> '1')
  AND EXISTS (SELECT 1 FROM header_last AS l WHERE l.child = h.child AND l.mother = '1')
  AND EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = h.child)
