/*
code: '1010'
name: care_leaver_with_open_episode_last_year_but_no_episodes
message: This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3, episodes, episodes_seq_last]
years: 2023/24-
differs_from_peer: >
  Last year's final episode is the latest valid DECOM, ties broken by the later row (the peer's
  sort leaves ties in no set order); a DEC that is not a valid date counts as open, as in
  503A-503F (the peer reads the text and counts it as closed). An OC3 row with a blank CHILD is
  not checked; CHILD is compared after trimming surrounding spaces.
*/
-- A care leaver (OC3 row) whose final episode in last year's return was still open (DEC blank or
-- not a valid date) but who has no episode row this year.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.child IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = o.child)
  AND EXISTS (
    SELECT 1
    FROM episodes_seq_last AS l
    WHERE l.child = o.child
      AND l.is_last = 1
      AND l.dec IS NULL
  )
