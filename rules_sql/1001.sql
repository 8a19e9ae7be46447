/*
code: '1001'
name: care_leaver_not_relevant_by_episodes
message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]"
fields: [IN_TOUCH, ACTIV, ACCOM]
tables: [oc3, child_facts, episodes, episodes_last]
years: 2023/24-
differs_from_peer: >
  As the peer, a care leaver (OC3 row) is flagged when this year's and last year's episodes show
  fewer than 91 days looked after since the 14th birthday, or not a day since the 16th, short
  breaks (LS V3, V4) left out, or when the child's latest episode ended in adoption (REC E11, E12);
  an episode in both returns (same DECOM) is counted once, as this year's row (the peer keeps the
  copy with a DEC); the latest episode without a valid DEC runs to 31 March, another without one
  counts no days. We leave out a child without a valid date of birth in the header, and a child
  20 or over on 31 March: two years of data cannot show their care after 14 (the peer means to
  drop them too, but then flags every such OC3 row because they have no totals: the largest
  difference in counts). Episodes without a valid DECOM count no days (the peer counts one from the
  14th/16th birthday to its DEC). The peer does nothing when any of the four tables is empty; we
  check every care leaver.
*/
-- Both years' episodes with a valid DECOM, each counted once, and the child's latest DECOM;
-- each one's end for the count: its valid DEC, or 31 March for the child's latest episode. One
-- pass over the care leavers' episodes sums the days and finds an adoption ending the latest.
-- Only care leavers' episodes are read (the others would be joined away below): at 100k children
-- that is 17,000 of the two years' 263,000, and this was the slowest rule at 11x the median.
WITH r1001_eps AS (
  SELECT e.child, e.decom, e.dec, e.ls, e.rec
  FROM episodes AS e
  WHERE e.child IS NOT NULL AND e.decom IS NOT NULL
    AND EXISTS (SELECT 1 FROM oc3 AS o WHERE o.child = e.child)
  UNION ALL
  SELECT l.child, l.decom, l.dec, l.ls, l.rec
  FROM episodes_last AS l
  WHERE l.child IS NOT NULL AND l.decom IS NOT NULL
    AND EXISTS (SELECT 1 FROM oc3 AS o WHERE o.child = l.child)
    AND NOT EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = l.child AND e.decom = l.decom)
),
-- a GROUP BY, not MAX() OVER: Spark 4.3 fails to plan that window once pooled
r1001_latest AS (
  SELECT x.child, MAX(x.decom) AS latest_decom
  FROM r1001_eps AS x
  GROUP BY x.child
),
r1001_people AS (
  SELECT o.row_no, o.child, c.dob,
         ssda_add_years(c.dob, 14) AS dob14,
         ssda_add_years(c.dob, 16) AS dob16
  FROM oc3 AS o
  JOIN child_facts AS c ON c.child = o.child
  WHERE c.dob IS NOT NULL
    AND ssda_add_years(c.dob, 20) > {{ collection_end }}
),
r1001_spans AS (
  SELECT p.row_no, p.dob14, p.dob16, x.decom,
         CASE WHEN x.ls IS NULL OR x.ls NOT IN {{ codes('LS', 'short_breaks') }} THEN 1 ELSE 0 END AS counted,
         CASE WHEN x.decom = m.latest_decom AND x.rec IN {{ codes('REC', 'adopted') }} THEN 1 ELSE 0 END AS adopted,
         CASE WHEN x.dec IS NOT NULL THEN x.dec
              WHEN x.decom = m.latest_decom THEN {{ collection_end }} END AS span_end
  FROM r1001_people AS p
  JOIN r1001_eps AS x ON x.child = p.child
  JOIN r1001_latest AS m ON m.child = x.child
),
r1001_days AS (
  SELECT s.row_no,
         SUM(CASE WHEN s.counted = 0 THEN 0
                  WHEN s.decom >= s.dob14 AND s.span_end > s.decom THEN ssda_days_between(s.decom, s.span_end)
                  WHEN s.decom < s.dob14 AND s.span_end > s.dob14 THEN ssda_days_between(s.dob14, s.span_end)
                  ELSE 0 END) AS days14,
         SUM(CASE WHEN s.counted = 0 THEN 0
                  WHEN s.decom >= s.dob16 AND s.span_end > s.decom THEN 1
                  WHEN s.decom < s.dob16 AND s.span_end > s.dob16 THEN 1
                  ELSE 0 END) AS spans16,
         MAX(s.adopted) AS adopted
  FROM r1001_spans AS s
  GROUP BY s.row_no
)
SELECT 'oc3' AS table_name, p.row_no, p.child
FROM r1001_people AS p
LEFT JOIN r1001_days AS d ON d.row_no = p.row_no
WHERE d.row_no IS NULL
   OR d.days14 < 91
   OR d.spans16 = 0
   OR d.adopted = 1
