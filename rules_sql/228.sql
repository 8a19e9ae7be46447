/*
code: '228'
name: urn_closed_before_episode_end
message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]"
fields: [URN, DEC]
tables: [episodes, providers]
years: 2023/24-
differs_from_peer: >
  A provider listed more than once is closed only when none of its rows is open, and then on its
  latest closing date; the peer compares every row. An episode whose DEC is not a valid date (not
  blank) is left to the date rules; the peer treats it as open and compares 31 March.
*/
-- If URN is given (not XXXXXXX) and the provider has a deregistration date, DEC must be on or
-- before it; an open episode (DEC blank) needs the provider still registered on 31 March.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN (SELECT p.urn, MAX(p.reg_end) AS reg_end, SUM(CASE WHEN p.reg_end IS NULL THEN 1 ELSE 0 END) AS open_rows
      FROM providers AS p
      GROUP BY p.urn) AS r ON r.urn = e.urn
WHERE e.urn <> 'XXXXXXX'
  AND r.open_rows = 0
  AND (e.dec > r.reg_end
       OR (ssda_is_blank(e.dec_raw) AND {{ collection_end }} > r.reg_end))
