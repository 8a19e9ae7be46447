/*
code: '586'
name: missing_period_starts_before_birth
message: Dates of missing periods are before child’s date of birth.
fields: [MIS_START]
tables: [missing]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so dates with spaces around them are compared; the peer keeps
  the spaces, cannot read such a date and does not compare it.
*/
-- MIS_START must be after the child's DOB (the DOB on the Missing row, as the DfE tables for this
-- rule name Missing only; INT13 checks it against Header). A period starting on the day of birth
-- is flagged too: the DfE's logic for its twin rule 708 ("Dates of DoLOs are before child's date
-- of birth") is <DOLO_START> must be > <DOB>, and the peer flags the same day as well.
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_start <= m.dob
