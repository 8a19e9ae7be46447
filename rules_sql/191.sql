/*
code: '191'
name: oc2_items_missing_when_continuously_looked_after
message: Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.
fields: [IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, CHILD]
tables: [oc2, child_facts]
differs_from_peer: >
  A value of only spaces is blank for us (staging trims) and completed for the peer. A child in
  the population without an OC2 row is reported on its first sequenced episode (earliest valid
  DECOM, ties: the earlier row), as the peer does. The peer's rule raises (argmin of an empty
  sequence) when a child has episodes but none with a valid DECOM, and so reports nothing for the
  whole return; we leave such a child's episodes out (rule 1003's business) and check the rest.
years: 2023/24-
*/
-- A child in the OC2 population (child_facts.continuously_looked_after) needs IMMUNISATIONS,
-- TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE on its OC2 row; a child in it with no OC2
-- row at all is flagged on its first episode.
SELECT 'oc2' AS table_name, o.row_no, o.child
FROM oc2 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.continuously_looked_after = 1
  AND (o.immunisations IS NULL OR o.teeth_check IS NULL
       OR o.health_assessment IS NULL OR o.substance_misuse IS NULL)
UNION ALL
SELECT 'episodes' AS table_name, f.first_row_no AS row_no, f.child
FROM child_facts AS f
WHERE f.continuously_looked_after = 1 AND f.first_row_no IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM oc2 AS x WHERE x.child = f.child)
