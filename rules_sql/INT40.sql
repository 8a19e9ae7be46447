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
      WHERE NOT ssda_eq_cs(n.new, n.was) AND ssda_is_postcode_shape(n.new)
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
      WHERE NOT ssda_eq_cs(n.new, n.was) AND ssda_is_postcode_shape(n.new)
differs_from_peer: >
  The peer has no such check; its 392c looks each postcode up in the ONS postcode directory, which
  this tool does not bundle. A postcode in the standard form (what the directory's pcds column and
  the DfE's own files use) is what a lookup matches, so this check names the postcodes that would
  fail one only for their form, and the fix writes them in it.
*/
-- A postcode is in the standard form when it is in capitals with one space before the inward code:
-- an outward code of 2-4 letters and digits starting with a letter, then a digit and two letters
-- (ssda_is_postcode_shape; one regular expression instead of eight substring tests per postcode,
-- which made this the slowest rule). Staging has trimmed the spaces around it. The check reads the
-- form only: whether the postcode exists needs the postcode directory.
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE (e.home_post IS NOT NULL AND NOT ssda_is_postcode_shape(e.home_post))
   OR (e.pl_post IS NOT NULL AND NOT ssda_is_postcode_shape(e.pl_post))
