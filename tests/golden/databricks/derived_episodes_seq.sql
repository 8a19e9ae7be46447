/* Running sums count periods and spells. A sequenced partition has no NULL DECOM or row; NULLS FIRST */
/* only spares SQL Server an emulation of NULL ordering that sqlglot cannot write for SUM(). */
SELECT
  p.*,
  CASE
    WHEN NOT p.seq IS NULL
    THEN SUM(p.starts_period) OVER (
      PARTITION BY p.child, p.in_seq
      ORDER BY p.decom, p.row_no
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )
  END AS period_no,
  CASE
    WHEN NOT p.seq IS NULL
    THEN SUM(p.starts_ls_spell) OVER (
      PARTITION BY p.child, p.in_seq
      ORDER BY p.decom, p.row_no
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )
  END AS ls_spell_no
FROM (
  SELECT
    o.*,
    CASE WHEN o.seq = 1 THEN 1 ELSE 0 END AS is_first,
    CASE WHEN o.seq = o.seq_count THEN 1 ELSE 0 END AS is_last,
    CASE
      WHEN o.seq = 1 OR (
        NOT o.prev_dec IS NULL AND o.decom > o.prev_dec
      )
      THEN 1
      ELSE 0
    END AS starts_period,
    CASE
      WHEN o.seq = o.seq_count OR (
        NOT o.dec IS NULL AND o.next_decom > o.dec
      )
      THEN 1
      ELSE 0
    END AS ends_period,
    CASE
      WHEN NOT o.seq IS NULL
      AND (
        o.seq = 1
        OR o.ls IS NULL
        OR o.prev_ls IS NULL
        OR o.ls <> o.prev_ls
        OR o.prev_dec IS NULL
        OR o.decom > o.prev_dec
      )
      THEN 1
      ELSE 0
    END AS starts_ls_spell
  FROM (
    SELECT
      b.*,
      CASE
        WHEN b.in_seq = 1
        THEN ROW_NUMBER() OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS seq,
      CASE WHEN b.in_seq = 1 THEN COUNT(*) OVER (PARTITION BY b.child, b.in_seq) END AS seq_count,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.row_no) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_row_no,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.row_no) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_row_no,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.decom) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_decom,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.decom) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_decom,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.dec) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_dec,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.dec) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_dec,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.rne) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_rne,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.rne) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_rne,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.ls) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_ls,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.ls) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_ls,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.cin) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_cin,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.cin) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_cin,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.place) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_place,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.place) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_place,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.place_provider) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_place_provider,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.place_provider) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_place_provider,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.rec) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_rec,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.rec) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_rec,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.reason_place_change) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_reason_place_change,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.reason_place_change) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_reason_place_change,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.pl_post) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_pl_post,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.pl_post) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_pl_post,
      CASE
        WHEN b.in_seq = 1
        THEN LAG(b.urn) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS prev_urn,
      CASE
        WHEN b.in_seq = 1
        THEN LEAD(b.urn) OVER (PARTITION BY b.child, b.in_seq ORDER BY b.decom NULLS LAST, b.row_no NULLS LAST)
      END AS next_urn
    FROM (
      SELECT
        e.row_no,
        e.child,
        e.decom,
        e.decom_raw,
        e.rne,
        e.ls,
        e.cin,
        e.place,
        e.place_provider,
        e.dec,
        e.dec_raw,
        e.rec,
        e.reason_place_change,
        e.home_post,
        e.pl_post,
        e.urn,
        CASE WHEN NOT e.child IS NULL AND NOT e.decom IS NULL THEN 1 ELSE 0 END AS in_seq
      FROM episodes AS e
    ) AS b
  ) AS o
) AS p
