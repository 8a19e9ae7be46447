/*
code: '142'
name: previous_episode_not_ended
message: A new episode has started, but the previous episode has not ended.
fields: [DEC, REC]
tables: [episodes_seq]
years: 2023/24-
fix:
  kind: sql                # REC X1: a new episode began the day this one ended (a continuation)
  field: DEC
  table: episodes
  confidence: suggested
  tables: [episodes_seq]
  sql: >
    SELECT 'episodes' AS table_name, s.row_no, ssda_format_date(s.next_decom) AS new,
           'REC X1 says a new episode began the day this one ended, and the next episode (a continuation) starts on this date' AS reason
    FROM episodes_seq AS s
    WHERE s.dec IS NULL AND s.rec = 'X1' AND s.next_rne <> 'S' AND s.next_decom > s.decom
differs_from_peer: >
  Episodes with a blank or invalid DECOM take no part in deciding which episode is the child's
  latest (the peer ranks them as the latest, so it flags the real latest episode when it is open),
  and DECOM ties are broken by row, the later row being the latest (the peer's sort is not stable
  on ties). Measured on a 10,000-child synthetic return: 11 rows flagged by both, 6 by the peer
  only, all of these two kinds.
  A DECOM or DEC with spaces around it is read as a date (staging trims); the peer reads it as
  not a date (such a DECOM takes no part in its ranking and such a DEC counts as missing there, so
  it flags that episode).
*/
-- Every sequenced episode except the child's latest (by DECOM, ties by row) must have both DEC and
-- REC. Episodes without a valid DECOM take no part.
SELECT 'episodes' AS table_name, s.row_no, s.child
FROM episodes_seq AS s
WHERE s.in_seq = 1 AND s.is_last = 0 AND (s.dec IS NULL OR s.rec IS NULL)
