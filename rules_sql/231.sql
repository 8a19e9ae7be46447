/*
code: '231'
name: uasc_aged_under_11
message: We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.
fields: [DOB, UASC]
tables: [header]
years: 2024/25-
severity: query
differs_from_peer: >
  The peer's rule reads a column UASC_STATUS that the Header has not (it is UASC), so it raises on
  every return and never flags; we read Header.UASC (derived from the UASC table as DfE does, or
  the XML flag). As the DfE logic says, DOB must be more than 11 years before the collection end,
  so a child whose 11th birthday is on 31 March itself is flagged (the peer's code would not).
*/
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.uasc = '1'
  AND ssda_add_years(h.dob, 11) >= {{ collection_end }}
