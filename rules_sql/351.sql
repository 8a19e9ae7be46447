/*
code: '351'
name: child_over_25_at_start
message: Child was over 25 at the start of the current collection year.
fields: [DOB]
tables: [header]
years: 2023/24-
*/
-- The 25th birthday is before the collection start (a 29 February child's falls on 28 February in
-- a common year); turning 25 on 1 April itself is not flagged, as in the peer. An invalid DOB is
-- rule 102's.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE ssda_add_years(h.dob, 25) < {{ collection_start }}
