/*
code: '511'
name: two_adopters_not_a_couple
message: If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.
fields: [NB_ADOPTR, SEX_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  As the DfE message says, two adopters (NB_ADOPTR 2) with a SEX_ADOPTR other than MM, FF or MF
  is an error, a blank or invalid SEX_ADOPTR included; the peer only flags M1 and F1. Codes are
  compared case-sensitively after trimming; the peer upper-cases every value first.
  Measured on two synthetic 2025/26 returns with 400 extra randomised AD1 rows each: 45 and 53
  rows flagged by both, 31 and 33 by us only (NB_ADOPTR 2 with a blank or invalid SEX_ADOPTR).
*/
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE a.nb_adoptr = '2'
  AND (a.sex_adoptr IS NULL OR a.sex_adoptr NOT IN {{ codes('SEX_ADOPTR', 'couple') }})
