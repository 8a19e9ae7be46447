/*
code: '525'
name: adopted_after_placement_decision_reversed
message: A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.
fields: [DATE_PLACED_CEASED, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR]
tables: [placed_for_adoption, ad1]
years: 2023/24-
differs_from_peer: >
  A cell of only spaces is blank here; the peer counts it as provided.
*/
-- DfE: if DATE_PLACED_CEASED is not null, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR
-- and LS_ADOPTR should not be provided. Flags the ceased decision and the child's AD1 rows with any
-- of them. A date counts as provided when its cell is not blank, valid or not, as in the peer.
WITH r525_adoptions AS (
  SELECT a.row_no, a.child
  FROM ad1 AS a
  WHERE NOT (ssda_is_blank(a.date_int_raw) AND ssda_is_blank(a.date_match_raw)
             AND a.foster_care IS NULL AND a.nb_adoptr IS NULL
             AND a.sex_adoptr IS NULL AND a.ls_adoptr IS NULL)
),
r525_reversed AS (
  SELECT p.row_no, p.child
  FROM placed_for_adoption AS p
  WHERE NOT ssda_is_blank(p.date_placed_ceased_raw)
)
SELECT 'placed_for_adoption' AS table_name, r.row_no, r.child
FROM r525_reversed AS r
WHERE EXISTS (SELECT 1 FROM r525_adoptions AS a WHERE a.child = r.child)
UNION ALL
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM r525_adoptions AS a
WHERE EXISTS (SELECT 1 FROM r525_reversed AS r WHERE r.child = a.child)
