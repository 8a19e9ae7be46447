/*
code: '203'
name: dob_differs_from_last_year
message: Date of birth disagrees with the date of birth already recorded for this child.
fields: [DOB]
tables: [header, header_last]
years: 2023/24-
differs_from_peer: >
  Nothing is flagged when last year's DOB is blank or not a valid date (no date was recorded);
  the peer flags a valid date this year against a blank or invalid one last year. A date with
  spaces around it is read as that date (staging trims text); the peer cannot parse it, so it
  flags it against a real date and passes it against another unparseable one.
*/
-- A child in both years' headers whose DOB this year is blank, invalid or a different date from
-- last year's valid DOB.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.child IS NOT NULL
  AND EXISTS (
    SELECT 1
    FROM header_last AS l
    WHERE l.child = h.child
      AND l.dob IS NOT NULL
      AND (h.dob IS NULL OR h.dob <> l.dob)
  )
