/*
code: '3001'
name: care_leaver_at_17_with_former_foster_carers
message: Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).
fields: [ACCOM]
tables: [header, oc3]
years: 2023/24-
differs_from_peer: >
  ACCOM is compared case-sensitively after trimming spaces (z1 is not Z1); the peer upper-cases
  it. A Header DOB with spaces around it is read as that date (staging trims); the peer cannot
  read it and does not check the row. When a child is repeated in Header the peer's merge gives
  more rows than OC3 has and the rule raises IndexError, reporting nothing; we check each OC3 row
  against every Header row of its child. The affected field is ACCOM, the column the rule reads; the
  DfE list and the peer name REC, which OC3 does not have.
*/
-- An OC3 row for a young person whose 17th birthday (from the Header DOB; a 29 February birth
-- has it on 28 February) falls in the collection year, start and end included, cannot have
-- ACCOM Z1/Z2 (with former foster carers): staying on with former foster carers ("staying put")
-- begins at 18.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.accom IN {{ codes('ACCOM', 'with_former_foster_carers') }}
  AND EXISTS (
    SELECT 1 FROM header AS h
    WHERE h.child = o.child AND ssda_eq_cs(h.child, o.child)
      AND ssda_add_years(h.dob, 17) >= {{ collection_start }}
      AND ssda_add_years(h.dob, 17) <= {{ collection_end }}
  )
