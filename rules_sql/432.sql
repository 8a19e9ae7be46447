/*
code: '432'
name: new_episode_after_ceased_not_started_to_be_looked_after
message: The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.
fields: [RNE]
tables: [episodes_seq]
years: 2023/24-
differs_from_peer: >
  Only episodes with a valid DECOM are in the sequence (episodes_seq, ties by row); the peer sorts
  an episode with a blank or invalid DECOM after the child's others and so flags it when the
  child's latest dated episode ceased care. Codes are trimmed and compared case-sensitively; the
  peer upper-cases every value but keeps spaces, so it accepts RNE s and flags 'S ', and reads
  e11 as a ceased REC but not 'E11 ' (we do the reverse of each).
*/
-- When the previous episode (episodes_seq order) ended care - a REC of the year's list other than
-- X1 - the next episode must have RNE S; a blank RNE is not S.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.prev_rec IN {{ codes('REC') }} AND s.prev_rec <> 'X1'
  AND (s.rne IS NULL OR s.rne <> 'S')
