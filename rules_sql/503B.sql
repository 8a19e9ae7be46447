/*
code: '503B'
name: first_ls_differs_from_open_episode_last_year
message: The legal status in the first episode does not match open episode at end of last year.
fields: [LS]
tables: [episodes_seq, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  Values are compared case-sensitively (a lower-case value against its upper-case form
  differs); the peer upper-cases every value first. DECOM ties are broken by row (first episode: the earlier row; last year's final episode:
  the later row), where the peer takes the first row either way. Episodes with a blank or invalid
  DECOM are left out; a child with no valid DECOM at all makes the peer's rule fail for the whole
  return (ValueError from argmin), while here that child is simply not compared.
*/
-- When the child's final episode last year (latest valid DECOM, ties by row) was still open (DEC
-- blank or not a valid date), the child's first episode this year (earliest valid DECOM, ties by
-- row) must have the same LS. A blank LS on one side only counts as different.
SELECT 'episodes' AS table_name, f.row_no, f.child
FROM episodes_seq AS f
JOIN episodes_seq_last AS p ON p.child = f.child AND p.is_last = 1
WHERE f.is_first = 1
  AND p.dec IS NULL
  AND (f.ls <> p.ls
       OR (f.ls IS NULL AND p.ls IS NOT NULL)
       OR (f.ls IS NOT NULL AND p.ls IS NULL))
