/*
code: INT21
name: uasc_sex_differs_from_header
message: 'Internal Check: SEX in UASC is different to SEX in Header.'
fields: [SEX]
tables: [header, uasc]
years: 2023/24-
fix:
  kind: sql                # the same sex as the header's, written in the old coding or another case
  field: SEX
  table: uasc
  confidence: certain
  tables: [header, uasc]
  sql: >
    SELECT 'uasc' AS table_name, u.row_no, MIN(h.sex) AS new,
           'the same sex as the header''s, written in the old coding or another case' AS reason
    FROM uasc AS u JOIN header AS h ON h.child = u.child
    WHERE h.sex IN {{ codes('SEX') }} AND {{ crosswalk('SEX', 'UPPER(u.sex)') }} = h.sex
    GROUP BY u.row_no HAVING COUNT(DISTINCT h.sex) = 1
differs_from_peer: >
  CHILD ids and SEX codes are compared case-sensitively after trimming spaces; the peer upper-cases
  every value (so 'm' equals 'M' for it) and keeps spaces (so 'M ' differs from 'M').
*/
-- Flag a UASC row whose SEX differs from the SEX of a Header row for the same child (any of them,
-- if the child is repeated in Header). A blank SEX on either side is not compared. The codes are
-- compared as given: a 2023/24 '1' against a 'M' is a difference, as it is in the return.
SELECT 'uasc' AS table_name, u.row_no, u.child
FROM uasc AS u
WHERE u.sex IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM header AS h
    WHERE h.child = u.child AND ssda_eq_cs(h.child, u.child)
      AND h.sex IS NOT NULL AND NOT ssda_eq_cs(h.sex, u.sex)
  )
