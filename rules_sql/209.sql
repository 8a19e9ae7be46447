/*
code: '209'
name: school_age_child_with_upn_un1
message: Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.
fields: [UPN, DOB]
tables: [header]
years: 2023/24-
differs_from_peer: >
  Codes are compared exactly after trimming spaces; the peer upper-cases every value but keeps
  spaces, so it reads 'un1' as UN1 and 'UN1 ' as not UN1.
*/
-- DfE logic: UPN UN1 is wrong when DOB is at least 4 years before 31 August of the year before the
-- collection starts (31/08/2024 for 2025/26): the child turned 4 on or before that day.
-- 31 August = 1 April (collection start) less 8 months, plus 30 days.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.upn = 'UN1'
  AND ssda_add_years(h.dob, 4) <= ssda_add_days(ssda_add_months({{ collection_start }}, -8), 30)
