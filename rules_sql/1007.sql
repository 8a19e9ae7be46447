/*
code: '1007'
name: care_leaver_info_for_child_looked_after_on_birthday
message: Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [episodes, oc3]
years: 2023/24-
differs_from_peer: >
  An episode still open (DEC blank) counts as looked after on the birthday, as the DfE text says
  ("current episode DEC and/or REC not provided"); the peer's birthday check compares a missing DEC
  and so never counts an open episode. The birthday of a 29 February child is 28 February in a
  year without one (the peer raises on such a child, and on any OC3 DOB it cannot read, flagging
  nothing: on every synthetic return it raises). The age comes from the OC3 DOB, as the peer's.
  Measured on the peer's 2025/26 data: 6 rows flagged by both, 14 by us only (all children still in
  an open episode that spans their 17th or 18th birthday).
*/
-- DfE (as the peer's authors fixed it: "in care on last birthday, instead of at collection end"):
-- a child aged 17 or 18 at 31 March who was looked after on their latest birthday (an episode with
-- DECOM on or before it and DEC after it, or still open) should have no care leaver information.
-- Flags the OC3 row giving any of IN_TOUCH, ACTIV or ACCOM.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
  AND ssda_age_at(o.dob, {{ collection_end }}) IN (17, 18)
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = o.child
                AND e.decom <= ssda_add_years(o.dob, ssda_age_at(o.dob, {{ collection_end }}))
                AND (e.dec > ssda_add_years(o.dob, ssda_age_at(o.dob, {{ collection_end }}))
                     OR ssda_is_blank(e.dec_raw)))
