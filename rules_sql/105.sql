/*
code: '105'
name: uasc_status_not_valid
message: >-
  Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not
  been completed.
fields: [UASC]
tables: [header]
needs: [uasc]
years: 2023/24-
differs_from_peer: >
  The peer never runs this rule on CSV input; we check the staged header.uasc for every input. For
  CSV it is derived from the UASC table ('1'/'0'), so it can only fire on XML, where the <UASC> flag
  is native. uasc is listed under needs, although the query does not read it, so that the rule is
  skipped when a CSV return has no UASC table (header.uasc is then NULL, meaning unknown, and would
  otherwise flag every child); XML input always supplies it. Codes are compared as text: the peer
  converts to a number first, so it accepts '01' or '1.0' where we flag them.
*/
-- Header.UASC must be 0 or 1; blank means not completed.
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.uasc IS NULL OR h.uasc NOT IN {{ codes('UASC') }}
