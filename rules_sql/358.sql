/*
code: '358'
name: legal_status_j_under_10
message: Child with this legal status should not be under 10.
fields: [DECOM, DOB, LS]
tables: [header, episodes]
years: 2023/24-
differs_from_peer: >
  DfE text: where LS = J1, J2 or J3, DOB should be on or before the date 10 years before DECOM.
  So an episode starting on the 10th birthday is valid; the peer (DOB + 10 years >= DECOM) flags
  it. For a child born on 29 February, 10 years before a 28 February DECOM is 28 February, so
  such an episode is flagged (the peer flags it too). LS is trimmed and compared
  case-sensitively; the peer upper-cases every value but keeps spaces, so it flags j1 and
  misses 'J3 '.
  CHILD values are trimmed and matched case-sensitively between header and episodes ('a1' is
  not 'A1'; the peer upper-cases both and matches them).
*/
-- Flags each J1/J2/J3 episode that starts before the child's 10th birthday, and the child's
-- Header row. Only valid dates are compared.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE e.ls IN {{ codes('LS', 'youth_justice') }} AND e.decom IS NOT NULL
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND h.dob > ssda_add_years(e.decom, -10))
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.dob IS NOT NULL
  AND EXISTS (SELECT 1 FROM episodes AS e
              WHERE e.child = h.child AND e.ls IN {{ codes('LS', 'youth_justice') }} AND e.decom IS NOT NULL
                AND h.dob > ssda_add_years(e.decom, -10))
