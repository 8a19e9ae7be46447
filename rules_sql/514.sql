/*
code: '514'
name: single_adopter_shown_as_couple
message: Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.
fields: [LS_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so it reads a lower-case L0 as L0) and does not trim.
*/
-- A single adopter (LS_ADOPTR L0) must have a single adopter's sex: M1 or F1.
-- A blank SEX_ADOPTR is flagged too (as the peer does); rule 151 also reports it.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.ls_adoptr = 'L0'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'single') }})
