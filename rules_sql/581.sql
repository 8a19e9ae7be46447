/*
code: '581'
name: missing_start_outside_episodes
message: Child is missing but has not yet started to be looked after.
fields: [MIS_START]
tables: [missing, episodes]
years: 2023/24-
differs_from_peer: >
  As the peer: a missing period of a child with episodes is flagged when its MIS_START lies in
  none of the child's episodes (DECOM to DEC inclusive; an episode without a valid DEC runs on).
  We leave out rows with a blank or invalid MIS_START (rule 1004 reports them); the peer flags
  them, since such a start lies in no episode.
*/
SELECT 'missing' AS table_name, m.row_no, m.child
FROM missing AS m
WHERE m.mis_start IS NOT NULL
  AND EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = m.child)
  AND NOT EXISTS (SELECT 1 FROM episodes AS e
                  WHERE e.child = m.child AND e.decom <= m.mis_start
                    AND (e.dec IS NULL OR m.mis_start <= e.dec))
