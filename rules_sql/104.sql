/*
code: '104'
name: uasc_ceased_date_not_valid
message: >-
  Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.
fields: [DUC]
tables: [uasc]
years: 2023/24-
fix: {kind: date, field: DUC}
differs_from_peer: >
  Staging trims the text first, so ' 01/04/2025 ' is a valid date for us and a DUC of only spaces
  is blank (allowed); the peer keeps the spaces and flags both as not valid dates.
*/
-- If provided, <DUC> must be a valid date, and not before the collection start (as the peer,
-- whose rule comes from the DfE coding: a status that ceased before the year began is no status
-- this year). A blank DUC is allowed.
SELECT 'uasc' AS table_name, u.row_no, u.child
FROM uasc AS u
WHERE (u.duc IS NULL AND NOT ssda_is_blank(u.duc_raw))
   OR u.duc < {{ collection_start }}
