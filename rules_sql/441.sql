/*
code: '441'
name: review_participation_4_or_over_but_child_under_4
message: Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.
fields: [DOB, REVIEW, REVIEW_CODE]
tables: [reviews]
years: 2023/24-
differs_from_peer: >
  Codes are matched case-sensitively after trimming; the peer upper-cases, so it also checks
  'pn1' and the like.
*/
-- PN1-PN7 (every participation code but PN0) mean the child was 4 or over at the review. A review
-- on the 4th birthday is fine. Ages use the reviews table's DOB; blank or invalid dates are not compared.
SELECT 'reviews' AS table_name, r.row_no, r.child
FROM reviews AS r
WHERE r.review_code IN {{ codes('REVIEW_CODE') }} AND r.review_code <> 'PN0'
  AND ssda_age_at(r.dob, r.review) < 4
