/*
code: '628'
name: motherhood_for_care_leaver_not_looked_after
message: Motherhood details are not required for care leavers who have not been looked after during the year.
fields: [MOTHER]
tables: [header, episodes, oc3]
years: 2023/24-
differs_from_peer: >
  "Not looked after during the year" is having no episode during the year (valid DECOM on or before
  31 March, DEC on or after 1 April or none valid), as rule 1014's care leavers; the peer takes a
  child with no episode row at all, so a child whose only episodes ended before 1 April (or have no
  valid DECOM) is flagged here and not by the peer.
*/
-- A care leaver (an OC3 row giving any of IN_TOUCH, ACTIV or ACCOM) who was not looked after during
-- the year should have no MOTHER: flags the header row giving one.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.mother IS NOT NULL
  AND EXISTS (SELECT 1 FROM oc3 AS o
              WHERE o.child = h.child
                AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL))
  AND NOT EXISTS (SELECT 1 FROM episodes AS e
                  WHERE e.child = h.child AND e.decom <= {{ collection_end }}
                    AND (e.dec IS NULL OR e.dec >= {{ collection_start }}))
