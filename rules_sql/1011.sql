/*
code: '1011'
name: care_leaver_info_after_transfer_to_another_la
message: This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3, child_facts]
years: 2023/24-
differs_from_peer: >
  The final episode is the one with the latest valid DECOM, a tie going to the later row
  (child_facts); the peer takes whichever tied row its unstable sort puts first. REC is compared
  case-sensitively after trimming ('e3' is not E3), as the peer does.
*/
-- DfE logic: if the final episode's REC is E3 (care transferred to another LA) then IN_TOUCH, ACTIV
-- and ACCOM should not be provided.
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
JOIN child_facts AS f ON f.child = o.child
WHERE f.latest_rec = 'E3'
  AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL OR o.accom IS NOT NULL)
