/*
code: INT40
name: postcode_not_in_standard_form
message: 'Internal Check: HOME_POST or PL_POST is not a postcode in the standard form: capitals, one space before the inward code (e.g. AB1 2CD).'
fields: [HOME_POST, PL_POST]
tables: [episodes]
years: 2023/24-
severity: query
fix:
  - kind: sql              # the same postcode, squeezed of spaces, in capitals, one space before the last three
    field: HOME_POST
    confidence: certain
    tables: [episodes]
    sql: >
      SELECT 'episodes' AS table_name, n.row_no, n.new,
             'the same postcode in the standard form: capitals, one space before the inward code' AS reason
      FROM (
        SELECT p.row_no, p.was,
               CONCAT(CONCAT(SUBSTRING(p.sq, 1, ssda_len(p.sq) - 3), ' '), SUBSTRING(p.sq, ssda_len(p.sq) - 2, 3)) AS new
        FROM (
          SELECT e.row_no, e.home_post AS was,
                 UPPER(REPLACE(REPLACE(REPLACE(e.home_post, ' ', ''), ' ', ''), '	', '')) AS sq
          FROM episodes AS e WHERE e.home_post IS NOT NULL
        ) AS p
        WHERE ssda_len(p.sq) BETWEEN 5 AND 7
      ) AS n
      WHERE NOT ssda_eq_cs(n.new, n.was)
        AND SUBSTRING(n.new, 1, 1) BETWEEN 'A' AND 'Z'
        AND SUBSTRING(n.new, 1, ssda_len(n.new) - 4) NOT LIKE '% %'
        AND ssda_is_digits(SUBSTRING(n.new, ssda_len(n.new) - 2, 1))
        AND SUBSTRING(n.new, ssda_len(n.new) - 1, 1) BETWEEN 'A' AND 'Z'
        AND SUBSTRING(n.new, ssda_len(n.new), 1) BETWEEN 'A' AND 'Z'
  - kind: sql
    field: PL_POST
    confidence: certain
    tables: [episodes]
    sql: >
      SELECT 'episodes' AS table_name, n.row_no, n.new,
             'the same postcode in the standard form: capitals, one space before the inward code' AS reason
      FROM (
        SELECT p.row_no, p.was,
               CONCAT(CONCAT(SUBSTRING(p.sq, 1, ssda_len(p.sq) - 3), ' '), SUBSTRING(p.sq, ssda_len(p.sq) - 2, 3)) AS new
        FROM (
          SELECT e.row_no, e.pl_post AS was,
                 UPPER(REPLACE(REPLACE(REPLACE(e.pl_post, ' ', ''), ' ', ''), '	', '')) AS sq
          FROM episodes AS e WHERE e.pl_post IS NOT NULL
        ) AS p
        WHERE ssda_len(p.sq) BETWEEN 5 AND 7
      ) AS n
      WHERE NOT ssda_eq_cs(n.new, n.was)
        AND SUBSTRING(n.new, 1, 1) BETWEEN 'A' AND 'Z'
        AND SUBSTRING(n.new, 1, ssda_len(n.new) - 4) NOT LIKE '% %'
        AND ssda_is_digits(SUBSTRING(n.new, ssda_len(n.new) - 2, 1))
        AND SUBSTRING(n.new, ssda_len(n.new) - 1, 1) BETWEEN 'A' AND 'Z'
        AND SUBSTRING(n.new, ssda_len(n.new), 1) BETWEEN 'A' AND 'Z'
differs_from_peer: >
  The peer has no such check; its 392c looks each postcode up in the ONS postcode directory, which
  this tool does not bundle. A postcode in the standard form (what the directory's pcds column and
  the DfE's own files use) is what a lookup matches, so this check names the postcodes that would
  fail one only for their form, and the fix writes them in it.
*/
-- A postcode is in the standard form when it is in capitals, starts with a letter (A-Z), has exactly one
-- space, four characters from the end, and its inward code is a digit and two letters. Staging has
-- trimmed the spaces around it. The check reads the form only: whether the postcode exists needs
-- the postcode directory.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE (e.home_post IS NOT NULL AND NOT (
         ssda_len(e.home_post) BETWEEN 6 AND 8
         AND ssda_eq_cs(UPPER(e.home_post), e.home_post)
         AND SUBSTRING(e.home_post, 1, 1) BETWEEN 'A' AND 'Z'
         AND SUBSTRING(e.home_post, ssda_len(e.home_post) - 3, 1) = ' '
         AND SUBSTRING(e.home_post, 1, ssda_len(e.home_post) - 4) NOT LIKE '% %'
         AND ssda_is_digits(SUBSTRING(e.home_post, ssda_len(e.home_post) - 2, 1))
         AND SUBSTRING(e.home_post, ssda_len(e.home_post) - 1, 1) BETWEEN 'A' AND 'Z'
         AND SUBSTRING(e.home_post, ssda_len(e.home_post), 1) BETWEEN 'A' AND 'Z'))
   OR (e.pl_post IS NOT NULL AND NOT (
         ssda_len(e.pl_post) BETWEEN 6 AND 8
         AND ssda_eq_cs(UPPER(e.pl_post), e.pl_post)
         AND SUBSTRING(e.pl_post, 1, 1) BETWEEN 'A' AND 'Z'
         AND SUBSTRING(e.pl_post, ssda_len(e.pl_post) - 3, 1) = ' '
         AND SUBSTRING(e.pl_post, 1, ssda_len(e.pl_post) - 4) NOT LIKE '% %'
         AND ssda_is_digits(SUBSTRING(e.pl_post, ssda_len(e.pl_post) - 2, 1))
         AND SUBSTRING(e.pl_post, ssda_len(e.pl_post) - 1, 1) BETWEEN 'A' AND 'Z'
         AND SUBSTRING(e.pl_post, ssda_len(e.pl_post), 1) BETWEEN 'A' AND 'Z'))
