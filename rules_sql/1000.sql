/*
code: '1000'
name: care_leaver_info_for_child_who_died
message: 'This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]'
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3, episodes, episodes_last]
years: 2023/24-
differs_from_peer: >
  Last year's episodes are read, so without --previous the rule is skipped (previous year not
  supplied); the peer then checks this year's episodes alone. REC is compared case-sensitively
  after trimming ('e2' is not E2); the peer upper-cases it.
*/
-- An OC3 row for a child with an episode this year or last year that ended with REC E2 (died).
-- As the DfE note says, only the two years supplied are seen.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = o.child AND e.rec = 'E2')
   OR EXISTS (SELECT 1 FROM episodes_last AS l WHERE l.child = o.child AND l.rec = 'E2')
