/*
code: '625'
name: mother_child_dob_after_year_or_care_end
message: Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.
fields: [MC_DOB, DEC]
tables: [header, child_facts]
years: 2023/24-
differs_from_peer: >
  The latest episode is the one with the latest DECOM (child_facts), and its DEC is compared only
  when it is a valid date; the peer takes the episode with the latest valid DEC, so for a child
  whose latest episode is open it compares MC_DOB with an earlier episode's end. An MC_DOB after
  31 March is flagged for every child; the peer checks only children with an episode that has a
  valid DEC. The Header row is flagged and, when the child has episodes, the latest episode.
*/
-- DfE logic: if provided, MC_DOB must not be after the collection end or after the DEC of the
-- child's latest episode.
WITH r625_hits AS (
  SELECT h.row_no AS header_row, h.child, f.latest_row_no
  FROM header AS h
  LEFT JOIN child_facts AS f ON f.child = h.child
  WHERE h.mc_dob > {{ collection_end }}
     OR h.mc_dob > f.last_dec
)
SELECT 'header' AS table_name, r.header_row AS row_no, r.child FROM r625_hits AS r
UNION ALL
SELECT 'episodes' AS table_name, r.latest_row_no AS row_no, r.child FROM r625_hits AS r
WHERE r.latest_row_no IS NOT NULL
