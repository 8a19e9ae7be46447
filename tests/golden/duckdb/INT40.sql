/* A postcode is in the standard form when it is in capitals with one space before the inward code: */
/* an outward code of 2-4 letters and digits starting with a letter, then a digit and two letters */
/* (ssda_is_postcode_shape; one regular expression instead of eight substring tests per postcode, */
/* which made this the slowest rule). Staging has trimmed the spaces around it. The check reads the */
/* form only: whether the postcode exists needs the postcode directory. */
SELECT
  'episodes' AS table_name,
  e.row_no,
  e.child
FROM episodes AS e
WHERE
  (
    NOT e.home_post IS NULL
    AND NOT regexp_full_match(e.home_post, '[A-Z][A-Z0-9]{1,3} [0-9][A-Z]{2}')
  )
  OR (
    NOT e.pl_post IS NULL
    AND NOT regexp_full_match(e.pl_post, '[A-Z][A-Z0-9]{1,3} [0-9][A-Z]{2}')
  )
