/*
code: '519'
name: civil_partners_not_a_couple
message: Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.
fields: [LS_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so it reads a lower-case L2 as L2) and does not trim.
*/
-- A civil partnership couple (LS_ADOPTR L2) must be a couple: MM, FF or MF.
-- A blank SEX_ADOPTR is flagged too (as the peer does); rule 151 also reports it.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.ls_adoptr = 'L2'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'couple') }})
