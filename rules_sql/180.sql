/*
code: '180'
name: sdq_score_not_valid
message: Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.
fields: [SDQ_SCORE]
tables: [oc2]
years: 2023/24-
differs_from_peer: >
  A valid score is a whole number 0 to 40 written as digits (leading zeros allowed, at most 9
  digits); the peer reads the text as any number, so it also accepts '5.0', '1e1' or '+5', and
  flags a score with spaces around it, which staging trims.
*/
-- A blank SDQ_SCORE is allowed (rule 197a/188/189 and the SDQ_REASON cover when one is due).
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
WHERE o.sdq_score IS NOT NULL
  AND (NOT ssda_is_digits(o.sdq_score)
       OR ssda_len(o.sdq_score) > 9
       OR CASE WHEN ssda_is_digits(o.sdq_score) AND ssda_len(o.sdq_score) <= 9
               THEN ssda_to_int(o.sdq_score) END > 40)
