/* continuously_looked_after, as the DfE validation guidance defines it (and the peer implements */
/* it): the child has an episode during the year (DECOM by 31 March, DEC on or after 1 April or none) */
/* and none of these: an episode with RNE S starting after 1 April (within the year); an episode */
/* ending on or after 1 April and before 31 March with a REC other than X1 (or none); an episode */
/* during the year with LS V3 or V4 (short breaks). These look at every episode with a valid date, */
/* sequenced or not. */
SELECT
  c.child,
  h.row_no AS header_row_no,
  h.dob,
  h.sex,
  h.uasc,
  CAST(YEAR(DATE '2025-04-01') - YEAR(h.dob) - CASE WHEN ADD_MONTHS(h.dob, 12 * (YEAR(DATE '2025-04-01') - YEAR(h.dob))) > DATE '2025-04-01' THEN 1 ELSE 0 END AS INT) AS age_at_start,
  CAST(YEAR(DATE '2026-03-31') - YEAR(h.dob) - CASE WHEN ADD_MONTHS(h.dob, 12 * (YEAR(DATE '2026-03-31') - YEAR(h.dob))) > DATE '2026-03-31' THEN 1 ELSE 0 END AS INT) AS age_at_end,
  COALESCE(f.episodes, 0) AS episodes,
  f.first_row_no,
  f.first_decom,
  f.latest_row_no,
  f.latest_decom,
  f.last_dec,
  f.latest_rne,
  f.latest_ls,
  f.latest_place,
  f.latest_rec,
  CASE
    WHEN f.latest_decom <= DATE '2026-03-31'
    AND (
      f.last_dec IS NULL OR f.last_dec > DATE '2026-03-31'
    )
    THEN 1
    ELSE 0
  END AS looked_after_at_end,
  CASE
    WHEN f.last_dec >= DATE '2025-04-01'
    AND f.last_dec <= DATE '2026-03-31'
    AND (
      f.latest_rec IS NULL OR f.latest_rec <> 'X1'
    )
    THEN 1
    ELSE 0
  END AS ceased_in_year,
  CASE
    WHEN COALESCE(f.during_year, 0) = 1 AND COALESCE(f.breaks_care, 0) = 0
    THEN 1
    ELSE 0
  END AS continuously_looked_after
FROM (
  SELECT
    hc.child
  FROM header AS hc
  WHERE
    NOT hc.child IS NULL
  UNION
  SELECT
    ec.child
  FROM episodes_seq AS ec
  WHERE
    NOT ec.child IS NULL
) AS c
LEFT JOIN (
  SELECT
    hr.child,
    hr.row_no,
    hr.dob,
    hr.sex,
    hr.uasc
  FROM (
    SELECT
      hh.child,
      hh.row_no,
      hh.dob,
      hh.sex,
      hh.uasc,
      ROW_NUMBER() OVER (PARTITION BY hh.child ORDER BY hh.row_no NULLS LAST) AS pos
    FROM header AS hh
    WHERE
      NOT hh.child IS NULL
  ) AS hr
  WHERE
    hr.pos = 1
) AS h
  ON h.child = c.child
LEFT JOIN (
  SELECT
    s.child,
    SUM(s.in_seq) AS episodes,
    MAX(CASE WHEN s.is_first = 1 THEN s.row_no END) AS first_row_no,
    MIN(s.decom) AS first_decom,
    MAX(CASE WHEN s.is_last = 1 THEN s.row_no END) AS latest_row_no,
    MAX(CASE WHEN s.is_last = 1 THEN s.decom END) AS latest_decom,
    MAX(CASE WHEN s.is_last = 1 THEN s.dec END) AS last_dec,
    MAX(CASE WHEN s.is_last = 1 THEN s.rne END) AS latest_rne,
    MAX(CASE WHEN s.is_last = 1 THEN s.ls END) AS latest_ls,
    MAX(CASE WHEN s.is_last = 1 THEN s.place END) AS latest_place,
    MAX(CASE WHEN s.is_last = 1 THEN s.rec END) AS latest_rec,
    MAX(s.during_year) AS during_year,
    MAX(s.breaks_care) AS breaks_care
  FROM (
    /* the collection dates are compared row by row, outside any aggregate: deployed views read */
    /* them as a subquery, which SQL Server refuses inside one */
    SELECT
      q.child,
      q.in_seq,
      q.is_first,
      q.is_last,
      q.row_no,
      q.decom,
      q.dec,
      q.rne,
      q.ls,
      q.place,
      q.rec,
      CASE
        WHEN q.decom <= DATE '2026-03-31'
        AND (
          q.dec IS NULL OR q.dec >= DATE '2025-04-01'
        )
        THEN 1
        ELSE 0
      END AS during_year,
      CASE
        WHEN (
          q.rne = 'S' AND q.decom > DATE '2025-04-01' AND q.decom <= DATE '2026-03-31'
        )
        OR (
          (
            q.rec IS NULL OR q.rec <> 'X1'
          )
          AND q.dec >= DATE '2025-04-01'
          AND q.dec < DATE '2026-03-31'
        )
        OR (
          q.ls IN ('V3', 'V4')
          AND q.decom <= DATE '2026-03-31'
          AND (
            q.dec IS NULL OR q.dec >= DATE '2025-04-01'
          )
        )
        THEN 1
        ELSE 0
      END AS breaks_care
    FROM episodes_seq AS q
    WHERE
      NOT q.child IS NULL
  ) AS s
  GROUP BY
    s.child
) AS f
  ON f.child = c.child
