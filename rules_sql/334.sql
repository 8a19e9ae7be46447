/*
code: '334'
name: should_be_placed_before_latest_period_start
message: Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.
fields: [DATE_INT, DECOM, RNE]
tables: [episodes_seq, ad1]
years: 2023/24-
differs_from_peer: >
  The start of the latest period of care is the child's latest episode with RNE S (as the peer and
  the message; the DfE logic text says "first"), the latest in the child's sequence (valid DECOM,
  ties by row: the later row); the peer's DECOM maximum takes the earlier row on ties. RNE is
  compared case-sensitively. The peer's rule raises, and flags nothing, when a child's S episodes all
  lack a valid DECOM.
*/
-- DATE_INT (date should be placed) must not be before the DECOM of the child's latest episode with
-- RNE S. Flags that episode and each AD1 row dated before it.
WITH r334_start AS (
  SELECT s.row_no, s.child, s.decom
  FROM episodes_seq AS s
  WHERE s.in_seq = 1 AND s.rne = 'S'
    AND NOT EXISTS (SELECT 1 FROM episodes_seq AS o
                    WHERE o.child = s.child AND o.in_seq = 1 AND o.rne = 'S' AND o.seq > s.seq)
)
SELECT 'episodes' AS table_name, t.row_no, t.child
FROM r334_start AS t
WHERE EXISTS (SELECT 1 FROM ad1 AS a WHERE a.child = t.child AND a.date_int < t.decom)
UNION ALL
SELECT 'ad1' AS table_name, a.row_no, a.child
FROM ad1 AS a
WHERE EXISTS (SELECT 1 FROM r334_start AS t WHERE t.child = a.child AND a.date_int < t.decom)
