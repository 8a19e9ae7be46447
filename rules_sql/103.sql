/*
code: '103'
name: ethnicity_not_valid
message: The ethnicity code is either not valid or has not been entered.
fields: [ETHNIC]
tables: [header]
years: 2023/24-2026/27
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.ethnic IS NULL
   OR h.ethnic NOT IN ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND',
                       'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')
