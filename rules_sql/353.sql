/*
code: '353'
name: episode_started_before_14_october_1991
message: No episode submitted can start before 14 October 1991.
fields: [DECOM]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  A DECOM with spaces around it is read as a date (staging trims spaces); the peer does not
  trim, treats it as not a date and so does not compare it. Otherwise the same logic.
*/
-- 14/10/1991 itself is allowed (the Children Act 1989 came into force that day).
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.decom < ssda_date('1991-10-14')
