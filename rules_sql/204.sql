/*
code: '204'
name: ethnic_differs_from_last_year
message: Ethnic origin code disagrees with the ethnic origin already recorded for this child.
fields: [ETHNIC]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  Nothing is flagged when last year's ETHNIC is blank (nothing was recorded, as rule 202 reads
  SEX); the peer flags a code this year against a blank last year. Codes are compared
  case-sensitively after trimming spaces ('wbri' against 'WBRI' disagrees); the peer upper-cases
  both sides and keeps spaces.
*/
-- A child in both years' headers whose ETHNIC this year is blank or differs from a code recorded
-- for the child last year (any of last year's rows, if the child is repeated there).
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND l.ethnic IS NOT NULL
      AND (h.ethnic IS NULL OR h.ethnic <> l.ethnic)
  )
