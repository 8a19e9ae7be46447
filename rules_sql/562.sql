/*
code: '562'
name: episode_before_year_not_last_years_final_episode
message: Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.
fields: [DECOM]
tables: [episodes_seq, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  The same test as the peer: the child's first episode this year (earliest valid DECOM), when it
  started before 1 April, must be last year's final episode (the latest valid DECOM last year, same
  DECOM); a child with no episode last year is flagged too (rule NoE says so as well). Episodes
  with a blank or invalid DECOM take no part on either side; the peer fails for the whole return
  (argmin of an empty sequence) when a child has none with a valid DECOM.
*/
-- A child's first episode this year that started before the collection start must carry the
-- DECOM of the child's final episode in last year's return.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
WHERE f.is_first = 1
  AND f.decom < {{ collection_start }}
  AND NOT EXISTS (
    SELECT 1
    FROM episodes_seq_last AS p
    WHERE p.child = f.child
      AND p.is_last = 1
      AND p.decom = f.decom
  )
