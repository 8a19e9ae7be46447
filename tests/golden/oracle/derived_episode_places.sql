SELECT
  x.child,
  x.row_no,
  x.home_pcd_key,
  x.pl_pcd_key,
  x.home_post_found,
  x.pl_post_found,
  x.pl_la,
  CASE
    WHEN x.pl_la IS NULL OR 'E08000003' IS NULL
    THEN NULL
    WHEN NLSSORT(x.pl_la, 'NLS_SORT=BINARY') = NLSSORT('E08000003', 'NLS_SORT=BINARY')
    THEN 'IN'
    ELSE 'OUT'
  END AS pl_location,
  x.pl_distance
FROM (
  SELECT
    e.child,
    e.row_no,
    e.home_pcd_key,
    e.pl_pcd_key,
    CASE WHEN e.home_pcd_key IS NULL THEN NULL WHEN h.pcd_key IS NULL THEN 0 ELSE 1 END AS home_post_found,
    CASE WHEN e.pl_pcd_key IS NULL THEN NULL WHEN p.pcd_key IS NULL THEN 0 ELSE 1 END AS pl_post_found,
    CASE
      WHEN p.laua LIKE 'W%'
      THEN 'WAL'
      WHEN p.laua LIKE 'S%'
      THEN 'SCO'
      WHEN p.laua LIKE 'N%'
      THEN 'NIR'
      WHEN p.laua LIKE 'L%' OR p.laua LIKE 'M%'
      THEN 'NUK'
      ELSE p.utla
    END AS pl_la,
    ROUND(SQRT(POWER(p.oseast1m - h.oseast1m, 2) + POWER(p.osnrth1m - h.osnrth1m, 2)) / 1000 / 1.6093, 1) AS pl_distance
  FROM (
    SELECT
      ep.child,
      ep.row_no,
      UPPER(REPLACE(ep.home_post, ' ', '')) AS home_pcd_key,
      UPPER(REPLACE(ep.pl_post, ' ', '')) AS pl_pcd_key
    FROM episodes ep
  ) e
  /* one row per postcode, whatever the file holds, so an episode is never repeated */
  LEFT JOIN (
    SELECT
      hp.pcd_key,
      MAX(hp.oseast1m) AS oseast1m,
      MAX(hp.osnrth1m) AS osnrth1m
    FROM postcodes hp
    WHERE
      NOT hp.pcd_key IS NULL
    GROUP BY
      hp.pcd_key
  ) h
    ON NLSSORT(h.pcd_key, 'NLS_SORT=BINARY') = NLSSORT(e.home_pcd_key, 'NLS_SORT=BINARY')
  LEFT JOIN (
    SELECT
      pp.pcd_key,
      MAX(pp.laua) AS laua,
      MAX(pp.utla) AS utla,
      MAX(pp.oseast1m) AS oseast1m,
      MAX(pp.osnrth1m) AS osnrth1m
    FROM postcodes pp
    WHERE
      NOT pp.pcd_key IS NULL
    GROUP BY
      pp.pcd_key
  ) p
    ON NLSSORT(p.pcd_key, 'NLS_SORT=BINARY') = NLSSORT(e.pl_pcd_key, 'NLS_SORT=BINARY')
) x
