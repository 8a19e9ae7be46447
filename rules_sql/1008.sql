/*
code: '1008'
name: urn_not_in_ofsted_lists
message: Ofsted Unique Reference Number (URN) is not valid.
fields: [URN]
tables: [episodes, providers]
years: 2023/24-
differs_from_peer: >
  A URN is compared as text, exactly (trimmed, case-sensitive: 'sc123456' is not SC123456); the
  peer upper-cases the episode's URN first but not the list's (so a listed URN with a lower-case
  letter never matches there), keeps spaces around it, and with the 2025 lists (URNs stored as
  numbers) its URN rules stop with a type error; its 227 and 228 also stop on a list whose
  closing date column holds '-' (the combined lists). XXXXXXX (seven X, as rules 222 and 242) is the "no URN" value.
*/
-- A URN other than XXXXXXX must be in the Ofsted provider lists given with --providers.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.urn IS NOT NULL AND e.urn <> 'XXXXXXX'
  AND NOT EXISTS (SELECT 1 FROM providers AS p WHERE p.urn = e.urn)
