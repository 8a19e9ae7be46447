/*
code: '518'
name: same_gender_couple_not_same_gender
message: If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.
fields: [LS_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  Codes are compared case-sensitively after trimming spaces; the peer upper-cases every value
  first (so it reads a lower-case L4 as L4) and does not trim.
*/
-- A same gender couple not married or in a civil partnership (LS_ADOPTR L4) must be MM or FF.
-- A blank SEX_ADOPTR is flagged too (as the peer does); rule 151 also reports it.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.ls_adoptr = 'L4'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'same_gender_couple') }})
