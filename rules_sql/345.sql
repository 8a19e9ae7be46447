/*
code: '345'
name: activity_or_accommodation_zero_when_in_touch
message: The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3]
years: 2023/24-
differs_from_peer: >
  Codes are trimmed and compared exactly; the peer upper-cases every value but keeps spaces, so it
  reads 'yes' as YES and 'YES ' or ' 0' as something else.
*/
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
WHERE o.in_touch = 'YES'
  AND (o.activ = '0' OR o.accom = '0')
