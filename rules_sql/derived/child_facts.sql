/*
relation: child_facts
reads: [header, episodes_seq]
description: >
  One row per child in the return: every CHILD of the header or the episodes. Header facts come
  from the child's first header row; episode facts from the sequenced episodes (a CHILD and a
  valid DECOM) unless said otherwise. Flags are 1 or 0.
columns:
  child: the child
  header_row_no: the child's first header row (NULL when the child has no header row)
  dob: date of birth (header)
  sex: sex code (header)
  uasc: header UASC flag ('1' or '0')
  age_at_start: age in whole years on the collection start, 1 April (a 29 February child turns a year older on 28 February)
  age_at_end: age in whole years on the collection end, 31 March
  episodes: how many sequenced episodes the child has
  first_row_no: the episodes row of the child's first episode
  first_decom: DECOM of the child's first episode
  latest_row_no: the episodes row of the child's latest episode
  latest_decom: DECOM of the latest episode
  last_dec: DEC of the latest episode (NULL when it has none)
  latest_rne: RNE of the latest episode
  latest_ls: LS of the latest episode
  latest_place: PLACE of the latest episode
  latest_rec: REC of the latest episode
  looked_after_at_end: 1 when the latest episode started by 31 March and has no valid DEC or ends after it
  ceased_in_year: 1 when the latest episode ended within the collection year with a REC other than X1 (or none)
  continuously_looked_after: 1 for the OC2 population, looked after continuously for 12 months at 31 March (the DfE definition, below)
*/
-- continuously_looked_after, as the DfE validation guidance defines it (and the peer implements
-- it): the child has an episode during the year (DECOM by 31 March, DEC on or after 1 April or none)
-- and none of these: an episode with RNE S starting after 1 April (within the year); an episode
-- ending on or after 1 April and before 31 March with a REC other than X1 (or none); an episode
-- during the year with LS V3 or V4 (short breaks). These look at every episode with a valid date,
-- sequenced or not.
SELECT c.child, h.row_no AS header_row_no, h.dob, h.sex, h.uasc,
       ssda_age_at(h.dob, {{ period_start }}) AS age_at_start,
       ssda_age_at(h.dob, {{ period_end }}) AS age_at_end,
       COALESCE(f.episodes, 0) AS episodes,
       f.first_row_no, f.first_decom,
       f.latest_row_no, f.latest_decom, f.last_dec, f.latest_rne, f.latest_ls, f.latest_place, f.latest_rec,
       CASE WHEN f.latest_decom <= {{ period_end }} AND (f.last_dec IS NULL OR f.last_dec > {{ period_end }})
            THEN 1 ELSE 0 END AS looked_after_at_end,
       CASE WHEN f.last_dec >= {{ period_start }} AND f.last_dec <= {{ period_end }}
                 AND (f.latest_rec IS NULL OR f.latest_rec <> 'X1')
            THEN 1 ELSE 0 END AS ceased_in_year,
       CASE WHEN COALESCE(f.during_year, 0) = 1 AND COALESCE(f.breaks_care, 0) = 0 THEN 1 ELSE 0 END
            AS continuously_looked_after
FROM (
  SELECT hc.child FROM {{ rel('header') }} AS hc WHERE hc.child IS NOT NULL
  UNION
  SELECT ec.child FROM {{ rel('episodes_seq') }} AS ec WHERE ec.child IS NOT NULL
) AS c
LEFT JOIN (
  SELECT hr.child, hr.row_no, hr.dob, hr.sex, hr.uasc
  FROM (
    SELECT hh.child, hh.row_no, hh.dob, hh.sex, hh.uasc,
           ROW_NUMBER() OVER (PARTITION BY hh.child ORDER BY hh.row_no) AS pos
    FROM {{ rel('header') }} AS hh
    WHERE hh.child IS NOT NULL
  ) AS hr
  WHERE hr.pos = 1
) AS h ON h.child = c.child
LEFT JOIN (
  SELECT s.child,
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
         MAX(CASE WHEN s.decom <= {{ period_end }} AND (s.dec IS NULL OR s.dec >= {{ period_start }})
                  THEN 1 ELSE 0 END) AS during_year,
         MAX(CASE WHEN (s.rne = 'S' AND s.decom > {{ period_start }} AND s.decom <= {{ period_end }})
                    OR ((s.rec IS NULL OR s.rec <> 'X1') AND s.dec >= {{ period_start }} AND s.dec < {{ period_end }})
                    OR (s.ls IN ('V3', 'V4') AND s.decom <= {{ period_end }}
                        AND (s.dec IS NULL OR s.dec >= {{ period_start }}))
                  THEN 1 ELSE 0 END) AS breaks_care
  FROM {{ rel('episodes_seq') }} AS s
  WHERE s.child IS NOT NULL
  GROUP BY s.child
) AS f ON f.child = c.child
