/*
code: '517'
name: unmarried_couple_not_male_and_female
message: If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.
fields: [LS_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so it reads a lower-case L3 as L3) and does not trim.
*/
-- A different gender unmarried couple (LS_ADOPTR L3) must be MF.
-- A blank SEX_ADOPTR is flagged too (as the peer does); rule 151 also reports it.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.ls_adoptr = 'L3'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'different_gender_couple') }})
