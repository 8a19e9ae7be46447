/*
code: '558'
name: adopted_child_decision_ceased_given
message: If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.
fields: [DATE_PLACED_CEASED, REC]
tables: [episodes_seq, placed_for_adoption]
years: 2023/24-
differs_from_peer: >
  The DfE text judges the child's latest episode; we flag it when its REC is E11 or E12, the child
  has more than one DATE_PLACED_CEASED and none of its placed-for-adoption rows is left blank (so
  the latest decision has a ceased date). The peer flags every E11/E12 episode, not only the latest,
  and counts the ceased dates once per adopted episode (a child with two adopted episodes and one
  ceased date is flagged there). REC is compared case-sensitively after trimming.
*/
-- DfE: if the latest episode's REC is E11 or E12 and the child has more than one DATE_PLACED_CEASED,
-- the latest DATE_PLACED_CEASED must be blank. As the peer, a child with any blank
-- DATE_PLACED_CEASED is taken to have its latest one blank. A date given but invalid counts as given.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.is_last = 1 AND s.rec IN {{ codes('REC', 'adopted') }}
  AND NOT EXISTS (SELECT 1 FROM placed_for_adoption AS p
                  WHERE p.child = s.child AND ssda_is_blank(p.date_placed_ceased_raw))
  AND (SELECT COUNT(*) FROM placed_for_adoption AS p WHERE p.child = s.child) > 1
