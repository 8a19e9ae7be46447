/*
code: '199'
name: episode_after_adoption_from_care
message: 'Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]'
fields: [CHILD]
tables: [episodes_seq, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  Last year's episodes are read, so without --previous the rule is skipped (previous year not
  supplied); the peer then checks this year's episodes alone. Episodes on the same DECOM are
  ordered by row (episodes_seq), last year's before this year's; the peer's unstable sort orders
  ties arbitrarily. REC is compared case-sensitively after trimming, as the peer does.
*/
-- An episode this year (with a valid DECOM) that comes after an episode ending in adoption (REC
-- E11/E12): an earlier episode this year, or one of last year's starting on or before it. The
-- first adoption episode itself is not flagged; a second one is. As the DfE note says, only the
-- two years supplied are seen.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes_seq AS e
WHERE e.in_seq = 1
  AND (EXISTS (SELECT 1 FROM episodes_seq AS a
               WHERE a.child = e.child AND a.in_seq = 1 AND a.seq < e.seq
                 AND a.rec IN {{ codes('REC', 'adopted') }})
       OR EXISTS (SELECT 1 FROM episodes_seq_last AS l
                  WHERE l.child = e.child AND l.in_seq = 1 AND l.decom <= e.decom
                    AND l.rec IN {{ codes('REC', 'adopted') }}))
