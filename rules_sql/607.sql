/*
code: '607'
name: ceased_female_mother_missing
message: Child ceased to be looked after in the year, but mother field has not been completed.
fields: [DEC, REC, MOTHER, LS, SEX]
tables: [episodes, header]
years: 2023/24-
differs_from_peer: >
  One file for the peer's two versions: the female code is the year's (2 to 2023/24, F from
  2024/25; rules_sql/codes/SEX.yml group female). Codes are trimmed and compared
  case-sensitively; the peer upper-cases every value but keeps spaces (x1 is X1 for it, 'X1 ' is
  not). A MOTHER of only spaces is blank for us; the peer reads it as completed.
*/
-- DfE: where the child ceased to be looked after (a REC other than X1), LS is not V3 or V4, DEC is
-- in the collection year and SEX is female, MOTHER should be provided. Flags each such episode and
-- the child's female Header row(s) with a blank MOTHER.
{% set ceased %}
e.dec >= {{ collection_start }} AND e.dec <= {{ collection_end }}
AND e.rec IS NOT NULL AND e.rec <> 'X1'
AND (e.ls IS NULL OR e.ls NOT IN {{ codes('LS', 'short_breaks') }})
{% endset %}
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
WHERE {{ ceased }}
  AND EXISTS (SELECT 1 FROM header AS h
              WHERE h.child = e.child AND h.sex IN {{ codes('SEX', 'female') }} AND h.mother IS NULL)
UNION ALL
SELECT 'header' AS table_name, h.row_no, h.child
FROM header AS h
WHERE h.sex IN {{ codes('SEX', 'female') }} AND h.mother IS NULL
  AND EXISTS (SELECT 1 FROM episodes AS e WHERE e.child = h.child AND {{ ceased }})
