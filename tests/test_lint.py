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


def _rule_file(tmp_path, body, tables="[header]", years="2025/26-", code="C999"):
    from validator903.rules import _read

    p = tmp_path / f"{code}.sql"
    p.write_text(f"/*\ncode: {code}\nname: t\nmessage: m\nfields: [SEX]\ntables: {tables}\nyears: {years}\n*/\n{body}\n",
                 encoding="utf-8")
    return _read(p)


def test_lint_refuses_year_conditionals(tmp_path):
    from validator903.lint import lint_rule

    rule = _rule_file(tmp_path, OK.format("{% if year == '2025/26' %}h.sex = 'M'{% else %}h.sex = 'F'{% endif %}"))
    assert any("year conditional" in f for f in lint_rule(rule))


def test_lint_refuses_a_written_out_code_list(tmp_path):
    from validator903.lint import lint_rule

    written = _rule_file(tmp_path, OK.format("h.sex NOT IN ('M', 'F', 'U')"))
    assert any("codes('SEX')" in f for f in lint_rule(written))
    asked = _rule_file(tmp_path, OK.format("h.sex NOT IN {{ codes('SEX') }}"))
    assert lint_rule(asked) == []
    subset = _rule_file(tmp_path, OK.format("h.sex IN ('M', 'F')"))  # a subset the DfE text names
    assert lint_rule(subset) == []


def test_lint_wants_tables_to_be_what_the_sql_reads(tmp_path):
    from validator903.lint import lint_rule

    extra = _rule_file(tmp_path, OK.format("h.sex = 'M'"), tables="[header, episodes]")
    assert any("tables: lists" in f for f in lint_rule(extra))
    missing = _rule_file(tmp_path, OK.format("EXISTS (SELECT 1 FROM episodes_seq AS s WHERE s.child = h.child)"))
    assert any("episodes_seq" in f for f in lint_rule(missing))


def test_lint_holds_derived_relations_to_the_subset():
    from validator903.lint import lint_sql

    assert any("WITH in a derived relation" in f for f in lint_sql(
        "episodes_seq", "WITH x AS (SELECT e.row_no FROM episodes AS e) SELECT x.row_no FROM x", derived=True))
    assert lint_sql("episodes_seq", "SELECT e.*, 1 AS n FROM episodes AS e", derived=True) == []
