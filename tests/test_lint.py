"""The portable-subset lint: every rule passes it, and it catches what the dialect study found
sqlglot transpiles wrongly."""
import pytest

from validator903.lint import lint_all, lint_sql

OK = "SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h WHERE {}"


def test_every_rule_passes_the_lint():
    assert lint_all() == []


@pytest.mark.parametrize("predicate, complaint", [
    ("h.dob + INTERVAL 1 DAY > h.dob", "INTERVAL"),
    ("DATE_DIFF('day', h.dob, h.dob) > 1", "DATE_DIFF"),
    ("h.dob > DATE '2024-03-31'", "ssda_date"),
    ("TRY_CAST(h.sex AS INTEGER) = 1", "TRY_CAST"),
    ("LENGTH(h.upn) = 13", "ssda_len"),
    ("h.sex = ''", "'' literal"),
    ("COALESCE(h.sex, '') NOT IN ('M')", "'' literal"),
    ("h.ethnic ILIKE 'w%'", "ILIKE"),
    ("regexp_matches(h.upn, 'A')", "regex"),
    ("h.a || h.b = 'x'", "concatenation"),
    ("GREATEST(h.dob, h.mc_dob) > h.dob", "GREATEST"),
    ("h.sex IS DISTINCT FROM h.upn", "DISTINCT FROM"),
    ("h.sex = TRUE", "TRUE/FALSE"),
    ("YEAR(h.dob) = 2020", "EXTRACT"),
    ("foo(h.sex) = 1", "unknown function"),
    ("ssda_parse_date(h.dob_raw) IS NULL", "staging already parsed"),
    ("h.\"SEX\" = 'M'", "quoted identifier"),
])
def test_lint_refuses(predicate, complaint):
    findings = lint_sql("999", OK.format(predicate))
    assert any(complaint in f for f in findings), findings


def test_lint_refuses_shapes():
    assert any("predicate in SELECT" in f for f in lint_sql(
        "1", "SELECT 'header' AS table_name, h.row_no, h.child, h.sex = 'M' AS m FROM header AS h"))
    assert any("CTE" in f for f in lint_sql(
        "142", "WITH ranked AS (SELECT e.row_no FROM episodes AS e) "
               "SELECT 'episodes' AS table_name, r.row_no, r.row_no AS child FROM ranked AS r"))
    assert any("ORDER BY" in f for f in lint_sql("1", OK.format("h.sex = 'M' ORDER BY h.row_no")))
    assert any("result columns" in f for f in lint_sql("1", "SELECT h.row_no, h.child FROM header AS h"))


def test_lint_accepts_the_portable_subset():
    sql = ("WITH r503a_last AS (SELECT e.child, ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom DESC) AS n "
           "FROM episodes_last AS e) "
           "SELECT 'episodes' AS table_name, e.row_no, e.child FROM episodes AS e "
           "WHERE ssda_add_days(e.decom, 1) > ssda_date('2025-04-01') AND e.place NOT IN ('A3') "
           "AND EXISTS (SELECT 1 FROM r503a_last AS l WHERE l.child = e.child AND l.n = 1) "
           "AND CASE WHEN e.dec IS NULL THEN 1 ELSE 0 END = 1 AND EXTRACT(YEAR FROM e.decom) > 2000 "
           "AND COALESCE(e.rec, 'X1') = 'X1' AND ssda_age_at(e.decom, e.dec) >= 18")
    assert lint_sql("503A", sql) == []
