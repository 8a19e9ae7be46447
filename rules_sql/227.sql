/*
code: '227'
name: urn_closed_before_episode_start
message: Ofsted Unique reference number (URN) is not valid for the episode start date.
fields: [URN, DECOM]
tables: [episodes, providers]
years: 2023/24-
differs_from_peer: >
  A provider listed more than once is closed only when none of its rows is open, and then on its
  latest closing date; the peer flags the episode if any row's date is on or before DECOM. An
  episode with a blank or invalid DECOM is not compared (the date rules flag those), as the peer.
*/
-- If URN is given (not XXXXXXX) and the provider has a deregistration date, DECOM must be before it.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN (SELECT p.urn, MAX(p.reg_end) AS reg_end, SUM(CASE WHEN p.reg_end IS NULL THEN 1 ELSE 0 END) AS open_rows
      FROM providers AS p
      GROUP BY p.urn) AS r ON r.urn = e.urn
WHERE e.urn <> 'XXXXXXX'
  AND r.open_rows = 0
  AND e.decom >= r.reg_end
