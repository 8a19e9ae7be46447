/*
code: '151'
name: adoption_items_partly_completed
message: All data items relating to a childs adoption must be coded or left blank.
fields: [DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR]
tables: [ad1]
years: 2023/24-
differs_from_peer: >
  A cell of only spaces is blank here; the peer counts it as coded.
*/
-- An AD1 row must have all six adoption items or none. A date counts as entered when its cell is
-- not blank, valid or not (rules 112 and 113 report invalid dates).
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE (CASE WHEN ssda_is_blank(a.date_int_raw) THEN 0 ELSE 1 END
       + CASE WHEN ssda_is_blank(a.date_match_raw) THEN 0 ELSE 1 END
       + CASE WHEN a.foster_care IS NULL THEN 0 ELSE 1 END
       + CASE WHEN a.nb_adoptr IS NULL THEN 0 ELSE 1 END
       + CASE WHEN a.sex_adoptr IS NULL THEN 0 ELSE 1 END
       + CASE WHEN a.ls_adoptr IS NULL THEN 0 ELSE 1 END) BETWEEN 1 AND 5
