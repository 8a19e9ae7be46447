/*
code: '304'
name: uasc_ceased_after_18th_birthday
message: >-
  Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th
  birthday of a child.
fields: [DUC]
tables: [uasc]
years: 2023/24-
differs_from_peer: >
  Staging trims the text first, so a DUC or DOB with surrounding spaces is a date for us and is
  checked; the peer keeps the spaces, cannot read it and does not check it.
*/
-- <DUC> must be <= the 18th birthday, from the DOB on the UASC row (29 February births: 28
-- February, as the peer). A blank or invalid DUC or DOB is left to rules 104 and INT18.
SELECT 'uasc' AS table_name, u.row_no, u.child
FROM uasc AS u
WHERE u.duc > ssda_add_years(u.dob, 18)
