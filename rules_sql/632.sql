/*
code: '632'
name: previous_permanence_date_not_valid
message: 'Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year'
fields: [DATE_PERM, DECOM]
tables: [previous_permanence, episodes_seq]
years: 2023/24-
differs_from_peer: >
  DATE_PERM is valid as dd/mm/yyyy or d/m/yyyy (as staging reads dates, years 1678-2261) with ZZ
  for an unknown day and/or month, or ZZZZ for an unknown year; it must be before the DECOM of
  the child's first episode. With unknown parts we compare the earliest date it can be (ZZ day:
  the 1st; ZZ month: January) and do not compare an unknown year, so only an order that cannot
  have been before DECOM is flagged; the peer takes the latest date it can be (and for a ZZ month
  with a known day a date in January of the next year; a ZZZZ year as 2000), so it flags orders
  that may well be earlier. Like the peer we flag the previous permanence row and the child's
  first episode (earliest valid DECOM, ties: the earlier row); a DATE_PERM that is not a valid
  value is flagged even when the child has no episode with a valid DECOM (the peer does not
  judge such a child), on the previous permanence row only. A DATE_PERM of spaces only is blank
  for us (not given; the peer reports it as not a valid value), and ZZ must be upper case ('zz'
  is not valid for us; the peer upper-cases values first).
*/
-- Split the text into day, month and year by where its slashes are (d/m/yyyy to dd/mm/yyyy).
WITH r632_parts AS (
  SELECT p.row_no, p.child, p.date_perm,
         CASE WHEN ssda_len(p.date_perm) = 10 AND SUBSTRING(p.date_perm, 3, 1) = '/' AND SUBSTRING(p.date_perm, 6, 1) = '/' THEN SUBSTRING(p.date_perm, 1, 2)
              WHEN ssda_len(p.date_perm) = 9 AND SUBSTRING(p.date_perm, 3, 1) = '/' AND SUBSTRING(p.date_perm, 5, 1) = '/' THEN SUBSTRING(p.date_perm, 1, 2)
              WHEN ssda_len(p.date_perm) = 9 AND SUBSTRING(p.date_perm, 2, 1) = '/' AND SUBSTRING(p.date_perm, 5, 1) = '/' THEN SUBSTRING(p.date_perm, 1, 1)
              WHEN ssda_len(p.date_perm) = 8 AND SUBSTRING(p.date_perm, 2, 1) = '/' AND SUBSTRING(p.date_perm, 4, 1) = '/' THEN SUBSTRING(p.date_perm, 1, 1)
         END AS r632_d,
         CASE WHEN ssda_len(p.date_perm) = 10 AND SUBSTRING(p.date_perm, 3, 1) = '/' AND SUBSTRING(p.date_perm, 6, 1) = '/' THEN SUBSTRING(p.date_perm, 4, 2)
              WHEN ssda_len(p.date_perm) = 9 AND SUBSTRING(p.date_perm, 3, 1) = '/' AND SUBSTRING(p.date_perm, 5, 1) = '/' THEN SUBSTRING(p.date_perm, 4, 1)
              WHEN ssda_len(p.date_perm) = 9 AND SUBSTRING(p.date_perm, 2, 1) = '/' AND SUBSTRING(p.date_perm, 5, 1) = '/' THEN SUBSTRING(p.date_perm, 3, 2)
              WHEN ssda_len(p.date_perm) = 8 AND SUBSTRING(p.date_perm, 2, 1) = '/' AND SUBSTRING(p.date_perm, 4, 1) = '/' THEN SUBSTRING(p.date_perm, 3, 1)
         END AS r632_m,
         CASE WHEN ssda_len(p.date_perm) >= 8 AND ssda_len(p.date_perm) <= 10
              THEN SUBSTRING(p.date_perm, ssda_len(p.date_perm) - 3, 4) END AS r632_y
  FROM previous_permanence AS p
  WHERE p.date_perm IS NOT NULL
),
-- Numbers for the known parts (ZZ day: the 1st; ZZ month: January; a bad part: NULL).
r632_numbers AS (
  SELECT x.row_no, x.child, x.r632_y,
         CASE WHEN x.r632_d = 'ZZ' THEN 1 WHEN ssda_is_digits(x.r632_d) THEN ssda_to_int(x.r632_d) END AS r632_day,
         CASE WHEN x.r632_m = 'ZZ' THEN 1 WHEN ssda_is_digits(x.r632_m) THEN ssda_to_int(x.r632_m) END AS r632_month,
         CASE WHEN x.r632_y = 'ZZZZ' THEN 2000 WHEN ssda_is_digits(x.r632_y) THEN ssda_to_int(x.r632_y) END AS r632_year
  FROM r632_parts AS x
),
-- The earliest date it can be; the day must exist in that month (31/02 is not a date).
r632_dates AS (
  SELECT n.row_no, n.child, n.r632_y, n.r632_day, n.r632_month,
         CASE WHEN n.r632_day BETWEEN 1 AND 31 AND n.r632_month BETWEEN 1 AND 12
                   AND n.r632_year BETWEEN 1678 AND 2261
              THEN ssda_add_days(ssda_add_months(ssda_add_years(ssda_date('2000-01-01'), n.r632_year - 2000),
                                                 n.r632_month - 1), n.r632_day - 1) END AS r632_date
  FROM r632_numbers AS n
),
r632_checked AS (
  SELECT d.row_no, d.child,
         CASE WHEN d.r632_date IS NULL OR EXTRACT(MONTH FROM d.r632_date) <> d.r632_month THEN 1 ELSE 0 END AS r632_invalid,
         CASE WHEN d.r632_y = 'ZZZZ' THEN NULL ELSE d.r632_date END AS r632_known_date
  FROM r632_dates AS d
),
r632_flagged AS (
  SELECT c.row_no, c.child, s.row_no AS episode_row
  FROM r632_checked AS c
  LEFT JOIN episodes_seq AS s ON s.child = c.child AND s.is_first = 1
  WHERE c.r632_invalid = 1
     OR (c.r632_invalid = 0 AND c.r632_known_date >= s.decom)
)
SELECT 'previous_permanence' AS table_name, f.row_no, f.child FROM r632_flagged AS f
UNION ALL
SELECT DISTINCT 'episodes' AS table_name, f.episode_row AS row_no, f.child
FROM r632_flagged AS f
WHERE f.episode_row IS NOT NULL
