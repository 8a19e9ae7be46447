/*
code: '134'
name: adoption_data_for_care_leaver
message: Data on adoption should not be entered for the OC3 cohort.
fields: [IN_TOUCH, ACTIV, ACCOM, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR]
tables: [oc3, ad1]
years: 2023/24-
differs_from_peer: >
  A cell of only spaces is blank here; the peer counts it as entered.
*/
-- A child with OC3 data (any of IN_TOUCH, ACTIV, ACCOM) must have no adoption data (any AD1 item;
-- a date counts when its cell is not blank, valid or not). Flags the AD1 rows, as the peer does.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE NOT (ssda_is_blank(a.date_int_raw) AND ssda_is_blank(a.date_match_raw)
           AND a.foster_care IS NULL AND a.nb_adoptr IS NULL
           AND a.sex_adoptr IS NULL AND a.ls_adoptr IS NULL)
  AND EXISTS (SELECT 1 FROM oc3 AS o
              WHERE o.child = a.child
                AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL))
