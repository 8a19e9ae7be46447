/*
code: '344'
name: activity_or_accommodation_after_death_or_return_home
message: The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  Only an ACTIV or ACCOM that is completed with something other than 0 is flagged, as the DfE
  message says ("have been completed"); the peer also flags a blank ACTIV or ACCOM, which rules
  132, 133 and 153 already report. Codes are trimmed and compared exactly; the peer upper-cases every value
  but keeps spaces, so it reads 'died' as DIED and 'DIED ' or ' 0' as something else.
*/
-- IN_TOUCH DIED or RHOM: ACTIV and ACCOM are to be 0 (the DfE's "not provided").
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.in_touch IN ('DIED', 'RHOM')
  AND (o.activ <> '0' OR o.accom <> '0')
