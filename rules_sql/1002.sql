/*
code: '1002'
name: care_leaver_with_no_episodes_of_care
message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]"
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3, episodes, episodes_last]
years: 2023/24-
differs_from_peer: >
  An OC3 row with a blank CHILD is not checked here (the peer flags it, as a blank matches no
  episode). CHILD is compared after trimming surrounding spaces; the peer compares the raw text.
*/
-- A care leaver (OC3 row) whose CHILD has no episode row this year or last year.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.child IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = o.child)
  AND NOT EXISTS (SELECT 1 FROM episodes_last AS l WHERE l.child = o.child)
