/*
code: '406'
name: uasc_placement_distance_given
message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]"
fields: [PL_DISTANCE]
tables: [episodes, episode_places, header]
needs: [uasc]
years: 2023/24-
differs_from_peer: >
  PL_DISTANCE is derived (episode_places): it is given when both postcodes are in the postcode
  file. UASC status is this year's Header.UASC (the DfE text also reads the two previous years';
  the peer adds last year's Header when supplied), so a child UASC only last year is not flagged
  here.
*/
-- DfE: if the child is UASC this year or was in either of the two previous years, PL_DISTANCE
-- should not be provided.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.row_no = e.row_no
WHERE EXISTS (SELECT 1 FROM header AS h WHERE h.child = e.child AND h.uasc = '1')
  AND p.pl_distance IS NOT NULL
