/*
code: '520'
name: married_different_gender_not_male_and_female
message: Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.
fields: [LS_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so it reads a lower-case L11 as L11) and does not trim.
*/
-- A different gender married couple (LS_ADOPTR L11) must be MF.
-- A blank SEX_ADOPTR is flagged too (as the peer does); rule 151 also reports it.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.ls_adoptr = 'L11'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'different_gender_couple') }})
