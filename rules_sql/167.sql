/*
code: '167'
name: review_participation_code_invalid_or_blank
message: Data entry for participation is invalid or blank.
fields: [REVIEW_CODE]
tables: [reviews]
years: 2023/24-
fix: {kind: code, field: REVIEW_CODE}
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces ('pn1' is an error); the peer
  upper-cases every value but does not trim. A row with no REVIEW date but a valid REVIEW_CODE is
  not flagged here (the participation entry is neither invalid nor blank; rule 166 reports the
  missing date); the peer flags any REVIEW_CODE on a row without a REVIEW date.
*/
-- A participation code must be PN0-PN7. Blank is an error when a review date was given (invalid
-- date text counts as given); a wholly empty review row is left to rule 166.
SELECT 'reviews' AS table_name, r.row_no, r.child
FROM reviews AS r
WHERE (r.review_code IS NOT NULL
       AND r.review_code NOT IN {{ codes('REVIEW_CODE') }})
   OR (r.review_code IS NULL AND NOT ssda_is_blank(r.review_raw))
