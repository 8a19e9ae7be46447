/*
code: '301'
name: dob_after_collection_end
message: Date of birth falls after the year ended.
fields: [DOB]
tables: [header]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so a DOB such as ' 01/04/2026 ' is a date for us and is checked;
  the peer keeps the spaces, cannot read it and does not check it.
*/
-- <DOB> must be <= <COLLECTION_END_DATE>; a blank or invalid DOB is rule 102's business.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.dob > {{ collection_end }}
