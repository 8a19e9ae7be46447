/*
code: '502'
name: first_decom_differs_from_open_episode_last_year
message: Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.
fields: [DECOM]
tables: [episodes_seq, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  Only last year's final episode (latest valid DECOM, ties by the later row) is compared, as the
  message says; the peer compares this year's first episode with every episode of last year that
  has a blank DEC, so a child with an earlier open (blank-DEC) episode last year besides the final
  one is flagged there. A DEC that is not a valid date counts as open here (as in 503A-503F); the
  peer reads the DEC text and treats it as closed. This year's first episode is the earliest valid
  DECOM, ties by the earlier row; episodes with a blank or invalid DECOM take no part (the peer
  fails for the whole return when a child has no valid DECOM).
*/
-- When the child's final episode last year was still open (DEC blank or not a valid date), the
-- child's first episode this year must start on the same day.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND f.decom <> p.decom
