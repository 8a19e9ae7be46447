/*
relation: episode_places
reads: [episodes, postcodes]
description: >
  The DfE's derived placement fields, one row per staged episode: where HOME_POST and PL_POST are
  (looked up in the ONS postcode file given with --postcodes), the placement's upper-tier LA, IN or
  OUT of the council (--la), and the straight-line distance. Postcodes match whatever their case
  and spacing ('ab12cd' and ' AB1  2CD' are AB1 2CD). Join it to episodes or episodes_seq on
  (child, row_no).
columns:
  child: the episode's CHILD
  row_no: the episode's row
  home_pcd_key: HOME_POST upper-cased with every space removed; NULL when blank
  pl_pcd_key: PL_POST the same way
  home_post_found: 1 when HOME_POST is in the postcode file, 0 when not, NULL when blank
  pl_post_found: 1 when PL_POST is in the postcode file, 0 when not, NULL when blank
  pl_la: >-
    the ONS upper-tier LA code of PL_POST (the county where there is one, else the district or
    unitary); WAL, SCO, NIR for a Welsh, Scottish, Northern Irish postcode, NUK for the Channel
    Islands and the Isle of Man; NULL when PL_POST is blank or not found
  pl_location: >-
    IN when pl_la is the council's ONS code, else OUT (WAL, SCO, NIR, NUK are OUT); NULL when pl_la
    is NULL, or when the council is not known (no --la, or a code without an ONS code)
  pl_distance: >-
    miles between the home and placement postcodes, sqrt(dE^2 + dN^2) / 1000 / 1.6093 rounded to
    0.1 (the DfE guidance); NULL when either postcode is blank, not found or has no grid reference
*/
SELECT x.child, x.row_no, x.home_pcd_key, x.pl_pcd_key, x.home_post_found, x.pl_post_found, x.pl_la,
       CASE WHEN x.pl_la IS NULL OR {{ la_ons }} IS NULL THEN NULL WHEN x.pl_la = {{ la_ons }} THEN 'IN'
            ELSE 'OUT' END AS pl_location,
       x.pl_distance
FROM (
  SELECT e.child, e.row_no, e.home_pcd_key, e.pl_pcd_key,
         CASE WHEN e.home_pcd_key IS NULL THEN NULL WHEN h.pcd_key IS NULL THEN 0 ELSE 1 END AS home_post_found,
         CASE WHEN e.pl_pcd_key IS NULL THEN NULL WHEN p.pcd_key IS NULL THEN 0 ELSE 1 END AS pl_post_found,
         CASE WHEN p.laua LIKE 'W%' THEN 'WAL' WHEN p.laua LIKE 'S%' THEN 'SCO' WHEN p.laua LIKE 'N%' THEN 'NIR'
              WHEN p.laua LIKE 'L%' OR p.laua LIKE 'M%' THEN 'NUK' ELSE p.utla END AS pl_la,
         ssda_distance_miles(h.oseast1m, h.osnrth1m, p.oseast1m, p.osnrth1m) AS pl_distance
  FROM (
    SELECT ep.child, ep.row_no, ssda_postcode_key(ep.home_post) AS home_pcd_key,
           ssda_postcode_key(ep.pl_post) AS pl_pcd_key
    FROM {{ rel('episodes') }} AS ep
  ) AS e
  -- one row per postcode, whatever the file holds, so an episode is never repeated
  LEFT JOIN (
    SELECT hp.pcd_key, MAX(hp.oseast1m) AS oseast1m, MAX(hp.osnrth1m) AS osnrth1m
    FROM {{ rel('postcodes') }} AS hp
    WHERE hp.pcd_key IS NOT NULL
    GROUP BY hp.pcd_key
  ) AS h ON h.pcd_key = e.home_pcd_key
  LEFT JOIN (
    SELECT pp.pcd_key, MAX(pp.laua) AS laua, MAX(pp.utla) AS utla, MAX(pp.oseast1m) AS oseast1m,
           MAX(pp.osnrth1m) AS osnrth1m
    FROM {{ rel('postcodes') }} AS pp
    WHERE pp.pcd_key IS NOT NULL
    GROUP BY pp.pcd_key
  ) AS p ON p.pcd_key = e.pl_pcd_key
) AS x
