/*
code: '1016'
name: care_leaver_info_for_child_leaving_after_birthday
message: Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [episodes_seq, oc3]
years: 2023/24-
differs_from_peer: >
  Ages are whole years from the OC3 DOB (a 29 February child turns a year older on 28 February);
  the peer measures age at 31 March in 365.2425-day years, which moves the 17 and 19 boundaries by a
  day or so. The DfE text judges the current episode: we compare the DEC of the child's latest
  episode (valid DECOM, ties by row); the peer takes any episode's DEC. Measured on the peer's 2025/26 data: 2 rows flagged by both, 4
  by the peer only (each child's earlier X1 episode ended after the birthday but the current one is
  still open: still looked after, rule 1007's case, not a child who ceased).
*/
-- DfE: a child aged 17 or 18 at 31 March whose current episode has a DEC on or after their latest
-- (17th or 18th) birthday should have no care leaver information. Flags the OC3 row giving any of
-- IN_TOUCH, ACTIV or ACCOM.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
  AND ssda_age_at(o.dob, {{ collection_end }}) IN (17, 18)
  AND EXISTS (SELECT 1 FROM episodes_seq AS s
              WHERE s.child = o.child AND s.in_seq = 1 AND s.is_last = 1
                AND s.dec >= ssda_add_years(o.dob, ssda_age_at(o.dob, {{ collection_end }})))
