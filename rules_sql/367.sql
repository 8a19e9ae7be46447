/*
code: '367'
name: respite_over_75_days_in_year
message: The maximum amount of respite care allowable is 75 days in any 12-month period.
fields: [LS, DECOM, DEC]
tables: [episodes]
years: 2023/24-
differs_from_peer: >
  As the peer, the 12-month period is the collection year. LS is trimmed and compared
  case-sensitively; the peer keeps spaces.
*/
-- A child's short-break episodes (LS V3), each cut to the collection year (an open one, blank DEC,
-- runs to 31 March), must not add up to more than 75 days. Flags each V3 episode that counts
-- (at least one day in the year). A DECOM or DEC that is not a date is not counted.
WITH r367_days AS (
  SELECT e.row_no, e.child,
         ssda_days_between(CASE WHEN e.decom < {{ collection_start }} THEN {{ collection_start }} ELSE e.decom END,
                           CASE WHEN e.dec IS NULL OR e.dec > {{ collection_end }} THEN {{ collection_end }} ELSE e.dec END)
           AS days_in_year
  FROM episodes AS e
  WHERE e.ls = 'V3' AND e.child IS NOT NULL AND e.decom IS NOT NULL
    AND (e.dec IS NOT NULL OR ssda_is_blank(e.dec_raw))
), r367_counted AS (
  SELECT d.row_no, d.child, d.days_in_year FROM r367_days AS d WHERE d.days_in_year > 0
)
SELECT 'episodes' AS table_name, c.row_no, c.child
FROM r367_counted AS c
WHERE c.child IN (SELECT t.child FROM r367_counted AS t GROUP BY t.child HAVING SUM(t.days_in_year) > 75)
