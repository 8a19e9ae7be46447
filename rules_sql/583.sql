/*
code: '583'
name: earlier_placed_for_adoption_decision_not_revoked
message: More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.
fields: [DATE_PLACED, DATE_PLACED_CEASED]
tables: [placed_for_adoption]
years: 2023/24-
severity: query
differs_from_peer: >
  The latest decision is the one with the latest DATE_PLACED as a date (same day: the later row);
  the peer sorts the DATE_PLACED text, dd/mm/yyyy, so it takes the decision with the highest day of
  the month as the latest and flags the real latest one when it is open. Only decisions with a
  valid DATE_PLACED count ("more than one DATE_PLACED is present"); the peer also flags a
  decision with a blank or invalid DATE_PLACED and no ceased date beside a dated one. A cell of
  only spaces is blank here.
  Dates with spaces around them are read as dates (staging trims);
  the peer treats them as invalid.
  Measured on two synthetic 2025/26 returns with about 850 extra randomised decisions each: 98
  and 97 rows flagged by both; 143 and 140 by the peer only, 46 and 62 by us only, every one of
  them a child whose latest decision by text differs from the latest by date, or a row with no
  valid DATE_PLACED.
*/
-- DfE: if more than one DATE_PLACED is present, all but the latest must have DATE_PLACED_CEASED
-- (the latest may or may not). A ceased date counts when its cell is not blank, valid or not (rule
-- 116 reports invalid ones), as in the peer.
WITH r583_decisions AS (
  SELECT p.row_no, p.child, p.date_placed_ceased_raw,
         ROW_NUMBER() OVER (PARTITION BY p.child ORDER BY p.date_placed DESC, p.row_no DESC) AS r583_from_latest
  FROM placed_for_adoption AS p
  WHERE p.child IS NOT NULL AND p.date_placed IS NOT NULL
)
SELECT 'placed_for_adoption' AS table_name, d.row_no, d.child
FROM r583_decisions AS d
WHERE d.r583_from_latest > 1 AND ssda_is_blank(d.date_placed_ceased_raw)
