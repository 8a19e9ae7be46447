/*
code: '635'
name: previous_permanence_details_with_z1
message: There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1
fields: [LA_PERM, DATE_PERM, PREV_PERM]
tables: [previous_permanence]
years: 2023/24-
differs_from_peer: >
  We flag an LA_PERM or DATE_PERM entry when PREV_PERM is Z1 (the case the DfE message names:
  Z1 = the child has had no previous permanence option, so there is no order to date or place)
  and also when PREV_PERM is blank, as the peer does; the peer checks only the blank case, so it
  passes Z1 rows with an order date or LA. Values are trimmed first, so an entry of spaces only
  is no entry for us (the peer counts it), a PREV_PERM of spaces only is blank (not for the
  peer) and ' Z1 ' is Z1; codes are compared case-sensitively
  (z1 is not Z1).
*/
-- LA_PERM and DATE_PERM describe a previous permanence order, so neither can be given when the
-- option is Z1 (none) or not given at all. DATE_PERM counts as given whatever its text (rule 632
-- checks that it is a date).
SELECT 'previous_permanence' AS table_name, p.row_no, p.child
FROM previous_permanence AS p
WHERE (p.la_perm IS NOT NULL OR p.date_perm IS NOT NULL)
  AND (p.prev_perm IS NULL OR p.prev_perm = 'Z1')
