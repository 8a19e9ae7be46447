/*
code: '165'
name: mother_status_not_valid
message: Data entry for mother status is invalid.
fields: [MOTHER, SEX, ACTIV, ACCOM, IN_TOUCH, DECOM]
tables: [header, episodes, oc3]
years: 2023/24-
differs_from_peer: >
  The male and female codes are the year's (1 and 2 to 2023/24, M and F from 2024/25:
  codes/SEX.yml groups male, female); the peer tests 1 and 2 in every year, so from 2024/25 it
  never finds a male or female child and flags only invalid MOTHER values. A female care leaver
  with MOTHER provided, no episode in the year and OC3 information is not flagged: the DfE text
  allows a provided, valid MOTHER for any female; the peer flags exactly that case. An invalid
  MOTHER is flagged for every Header row, where the peer sees only children with an episode that
  is not a short break. A female with a blank MOTHER whose episodes all fall before the year and
  who has no OC3 information is flagged (the DfE text allows the blank only with OC3 information);
  the peer flags a blank only with an episode in the year. MOTHER and SEX are compared as trimmed
  text ('1.0' is not 1).
*/
-- DfE logic: a provided MOTHER must be a valid value and the child must not be male. A blank
-- MOTHER is allowed for a female only when she has no episode in the year and OC3 information
-- (IN_TOUCH, ACTIV or ACCOM) is provided. Episodes here are those whose LS is not a short break
-- (V3, V4; blank LS included), as in rule 393; an episode is in the year when it starts (valid
-- DECOM) by 31 March and has no valid DEC or one on or after 1 April. A female without any such
-- episode is left to other rules. Flags the Header row and the child's OC3 rows.
WITH r165_each AS (
  SELECT e.child,
         CASE WHEN e.decom <= {{ collection_end }}
               AND (e.dec IS NULL OR e.dec >= {{ collection_start }}) THEN 1 ELSE 0 END AS in_year
  FROM episodes AS e
  WHERE e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }}
),
r165_eps AS (
  -- per child, over the flag computed row by row (no collection date inside the aggregate)
  SELECT x.child, MAX(x.in_year) AS in_year
  FROM r165_each AS x
  GROUP BY x.child
),
r165_hits AS (
  SELECT h.row_no, h.child
  FROM header AS h
  LEFT JOIN r165_eps AS p ON p.child = h.child
  WHERE (h.mother IS NOT NULL AND h.mother NOT IN {{ codes('MOTHER') }})
     OR (h.mother IS NOT NULL AND h.sex IN {{ codes('SEX', 'male') }})
     OR (h.mother IS NULL AND h.sex IN {{ codes('SEX', 'female') }}
         AND (p.in_year = 1
              OR (p.child IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM oc3 AS o
                                  WHERE o.child = h.child
                                    AND (o.in_touch IS NOT NULL OR o.activ IS NOT NULL
                                         OR o.accom IS NOT NULL)))))
)
SELECT 'header' AS table_name, r.row_no, r.child FROM r165_hits AS r
UNION ALL
SELECT 'oc3' AS table_name, o.row_no, o.child
FROM oc3 AS o
JOIN r165_hits AS r ON r.child = o.child
