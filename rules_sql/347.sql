/*
code: '347'
name: care_leaver_under_18_in_foyer
message: Care leavers aged under 18 years, can not be accommodated in a Foyer.
fields: [ACCOM, DOB]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  A Foyer is ACCOM T1 or T2 (foyers and similar supported accommodation, suitable or not: the
  ACCOM 'foyer' group); the peer compares ACCOM with 'T', which no valid code equals, so its rule
  never fires. Under 18 means the 18th birthday is after the collection start (1 April), as the
  DfE logic says (DOB must be at least 18 years before the collection start); a 29 February
  child turns 18 on 28 February in a common year. An invalid DOB is not judged. The DfE's listed
  fields (PLACE, DEC, URN) are not OC3 columns; the rule reads ACCOM and DOB.
*/
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.accom IN {{ codes('ACCOM', 'foyer') }}
  AND ssda_add_years(o.dob, 18) > {{ collection_start }}
