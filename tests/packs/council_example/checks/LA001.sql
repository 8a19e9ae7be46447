/*
code: LA001
name: school_age_child_without_upn
message: A child of school age (5 or over on 31 March) has no UPN of their own (blank, or UN1-UN5); ask the virtual school.
fields: [UPN, DOB]
tables: [header, child_facts]
years: 2024/25-
severity: query
*/
-- A council's own check, not the DfE's: every school-age child should have a real UPN.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
JOIN child_facts AS f ON f.child = h.child
WHERE f.age_at_end >= 5
  AND (h.upn IS NULL OR h.upn IN {{ codes('UPN') }})
