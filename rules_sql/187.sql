/*
code: '187'
name: oc2_child_with_adoption_or_care_leaver_info
message: Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.
fields: [DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR, IN_TOUCH, ACTIV, ACCOM]
tables: [child_facts, ad1, oc3]
years: 2023/24-
differs_from_peer: >
  The OC2 population is child_facts.continuously_looked_after (the DfE definition the peer
  implements); its episodes are the sequenced ones, ties by row. A date given but not valid counts
  as completed, as in the peer.
*/
-- A child continuously looked after for 12 months at 31 March (the OC2 population) should have no
-- adoption (AD1) or care leaver (OC3) information: flags each AD1 row giving any of the six adoption
-- fields and each OC3 row giving any of IN_TOUCH, ACTIV or ACCOM.
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE (NOT ssda_is_blank(a.date_int_raw) OR NOT ssda_is_blank(a.date_match_raw) OR a.foster_care IS NOT NULL
       OR a.nb_adoptr IS NOT NULL OR a.sex_adoptr IS NOT NULL OR a.ls_adoptr IS NOT NULL)
  AND EXISTS (SELECT 1 FROM child_facts AS f WHERE f.child = a.child AND f.continuously_looked_after = 1)
UNION ALL
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
  AND EXISTS (SELECT 1 FROM child_facts AS f WHERE f.child = o.child AND f.continuously_looked_after = 1)
