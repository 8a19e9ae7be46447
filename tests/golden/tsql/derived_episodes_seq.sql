/* The neighbours' columns come from one pass of windows over the episodes. Periods and spells */
/* need a second pass (a running sum of what the first one found), made over the sequence's keys */
/* alone and joined back on (child, seq), which that pass numbers uniquely: sorting the fifty */
/* columns again cost twice the whole first pass. Both passes take seq_order, so seq agrees. */
/* seq is never NULL there; NULLS FIRST only spares SQL Server an emulation of NULL ordering that */
/* sqlglot cannot write for SUM(). */
SELECT
  o.*,
  CASE WHEN o.seq = 1 THEN 1 ELSE 0 END AS is_first,
  CASE WHEN o.seq = o.seq_count THEN 1 ELSE 0 END AS is_last,
  COALESCE(s.starts_period, 0) AS starts_period,
  CASE
    WHEN o.seq = o.seq_count OR (
      NOT o.dec IS NULL AND o.next_decom > o.dec
    )
    THEN 1
    ELSE 0
  END AS ends_period,
  COALESCE(s.starts_ls_spell, 0) AS starts_ls_spell,
  s.period_no,
  s.ls_spell_no
FROM (
  SELECT
    b.*,
    CASE
      WHEN b.in_seq = 1
      THEN ROW_NUMBER() OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS seq,
    CASE WHEN b.in_seq = 1 THEN COUNT_BIG(*) OVER (PARTITION BY b.child, b.in_seq) END AS seq_count,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.row_no) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_row_no,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.row_no) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_row_no,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.decom) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_decom,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.decom) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_decom,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.dec) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_dec,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.dec) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_dec,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.rne) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_rne,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.rne) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_rne,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.ls) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_ls,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.ls) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_ls,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.cin) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_cin,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.cin) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_cin,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.place) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_place,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.place) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_place,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.place_provider) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_place_provider,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.place_provider) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_place_provider,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.rec) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_rec,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.rec) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_rec,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.reason_place_change) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_reason_place_change,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.reason_place_change) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_reason_place_change,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.pl_post) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_pl_post,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.pl_post) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_pl_post,
    CASE
      WHEN b.in_seq = 1
      THEN LAG(b.urn) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS prev_urn,
    CASE
      WHEN b.in_seq = 1
      THEN LEAD(b.urn) OVER (
        PARTITION BY b.child, b.in_seq
        ORDER BY CASE WHEN b.decom IS NULL THEN 1 ELSE 0 END, b.decom, CASE WHEN b.row_no IS NULL THEN 1 ELSE 0 END, b.row_no
      )
    END AS next_urn
  FROM (
    SELECT
      e.row_no AS row_no,
      e.child AS child,
      e.decom AS decom,
      e.decom_raw AS decom_raw,
      e.rne AS rne,
      e.ls AS ls,
      e.cin AS cin,
      e.place AS place,
      e.place_provider AS place_provider,
      e.dec AS dec,
      e.dec_raw AS dec_raw,
      e.rec AS rec,
      e.reason_place_change AS reason_place_change,
      e.home_post AS home_post,
      e.pl_post AS pl_post,
      e.urn AS urn,
      CASE WHEN NOT e.child IS NULL AND NOT e.decom IS NULL THEN 1 ELSE 0 END AS in_seq
    FROM episodes AS e
  ) AS b
) AS o
LEFT JOIN (
  SELECT
    t.child AS child,
    t.seq AS seq,
    t.starts_period AS starts_period,
    t.starts_ls_spell AS starts_ls_spell,
    SUM(t.starts_period) OVER (
      PARTITION BY t.child
      ORDER BY t.seq
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS period_no,
    SUM(t.starts_ls_spell) OVER (
      PARTITION BY t.child
      ORDER BY t.seq
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS ls_spell_no
  FROM (
    SELECT
      k.child AS child,
      k.seq AS seq,
      CASE
        WHEN k.seq = 1 OR (
          NOT k.prev_dec IS NULL AND k.decom > k.prev_dec
        )
        THEN 1
        ELSE 0
      END AS starts_period,
      CASE
        WHEN k.seq = 1
        OR k.ls IS NULL
        OR k.prev_ls IS NULL
        OR k.ls COLLATE Latin1_General_BIN2 <> k.prev_ls
        OR k.prev_dec IS NULL
        OR k.decom > k.prev_dec
        THEN 1
        ELSE 0
      END AS starts_ls_spell
    FROM (
      SELECT
        e.child AS child,
        e.decom AS decom,
        e.ls AS ls,
        ROW_NUMBER() OVER (
          PARTITION BY e.child
          ORDER BY CASE WHEN e.decom IS NULL THEN 1 ELSE 0 END, e.decom, CASE WHEN e.row_no IS NULL THEN 1 ELSE 0 END, e.row_no
        ) AS seq,
        LAG(e.dec) OVER (
          PARTITION BY e.child
          ORDER BY CASE WHEN e.decom IS NULL THEN 1 ELSE 0 END, e.decom, CASE WHEN e.row_no IS NULL THEN 1 ELSE 0 END, e.row_no
        ) AS prev_dec,
        LAG(e.ls) OVER (
          PARTITION BY e.child
          ORDER BY CASE WHEN e.decom IS NULL THEN 1 ELSE 0 END, e.decom, CASE WHEN e.row_no IS NULL THEN 1 ELSE 0 END, e.row_no
        ) AS prev_ls
      FROM episodes AS e
      WHERE
        NOT e.child IS NULL AND NOT e.decom IS NULL
    ) AS k
  ) AS t
) AS s
  ON s.child COLLATE Latin1_General_BIN2 = o.child AND s.seq = o.seq
