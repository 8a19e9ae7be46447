/*
code: '440'
name: review_participation_under_4_but_child_4_or_over
message: Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.
fields: [DOB, REVIEW, REVIEW_CODE]
tables: [reviews]
years: 2023/24-
differs_from_peer: >
  A review on the child's 4th birthday is flagged: the child is 4 then ("4 years old or over").
  The peer flags only reviews after the birthday (REVIEW > DOB + 4 years), so the birthday itself
  falls in neither 440 nor 441 there. PN0 is matched case-sensitively after trimming; the peer
  upper-cases, so it also checks 'pn0'. On error-heavy returns for 2023/24-2026/27: 98 rows flagged
  by both, 79 by the peer only (all 'pn0'), 496 by us only (all reviews on the 4th birthday).
*/
-- PN0 means the child was under 4 at the review. Ages use the reviews table's DOB; a child born on
-- 29 February turns 4 on 29 February (4 years on is a leap year too). Blank or invalid dates are
-- not compared.
SELECT 'reviews' AS table_name, r.row_no, r.child
FROM reviews AS r
WHERE r.review_code = 'PN0' AND ssda_age_at(r.dob, r.review) >= 4
