"""Every rule, staging query and derived relation generates in all four dialects and re-parses with
sqlglot in that dialect; golden files pin the generated SQL of a handful of rules and of every
derived relation so changes are reviewed (regenerate with VALIDATOR903_UPDATE_GOLDEN=1 and read the
diff)."""
import os
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from validator903.context import CollectionYear, RuleContext
from validator903.derived import derived_relations
from validator903.dialects import DIALECTS, generate, parse, spec, transpile
from validator903.rules import all_rules, find_rule
from validator903.stage import staging_select
from validator903.tables import all_table_names

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_RULES = ["101", "142", "146", "503A", "INT03", "INT40", "168", "358", "574"]
CTX = RuleContext(CollectionYear.parse("2025/26"), "352")
READ_AS = {d: spec(d).sqlglot_name for d in DIALECTS}  # each engine re-parsed by its own sqlglot dialect

RULE_YEARS = [(r, y) for r in all_rules() for y in r.years]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("rule,year", RULE_YEARS, ids=[f"{r.path.name}:{y}" for r, y in RULE_YEARS])
def test_rule_reparses_in_dialect(rule, year, dialect):
    sql = rule.sql(RuleContext(CollectionYear.parse(year), "352"), dialect)
    tree = sqlglot.parse_one(sql, read=READ_AS[dialect])
    assert tree.find(exp.Select) is not None
    if dialect == "tsql":
        assert "INTERVAL" not in sql.upper()
        assert " TRIM(" not in sql.upper().replace("LTRIM(", "").replace("RTRIM(", "")
    if dialect == "oracle":
        assert "CAST('" not in sql, "Oracle date literals must be DATE 'yyyy-mm-dd'"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("table", all_table_names())
def test_staging_reparses_in_dialect(table, dialect):
    sql = generate(parse(staging_select(table, f"raw.{table}"))[0], dialect)
    sqlglot.parse_one(sql, read=READ_AS[dialect])


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("relation", derived_relations(), ids=lambda d: d.name)
def test_derived_relation_reparses_in_dialect(relation, dialect):
    sql = transpile(relation.render(CTX), dialect)
    tree = sqlglot.parse_one(sql, read=READ_AS[dialect])
    assert not list(tree.find_all(exp.CTE)), "derived SQL has no WITH: read-only runs inline it as a CTE"


def _golden_cases():
    for code in GOLDEN_RULES:
        for d in DIALECTS:
            yield code, d


@pytest.mark.parametrize("code,dialect", list(_golden_cases()))
def test_golden_sql(code, dialect):
    try:
        rule = find_rule(code, CTX.year)
    except Exception:
        pytest.fail(f"golden rule {code} is missing from rules_sql/")
    got = rule.sql(CTX, dialect, pretty=True) + "\n"
    path = GOLDEN / dialect / f"{code}.sql"
    if os.environ.get("VALIDATOR903_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with VALIDATOR903_UPDATE_GOLDEN=1 and review it"
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("relation", [d for d in derived_relations() if not d.last], ids=lambda d: d.name)
def test_golden_derived_sql(relation, dialect):
    got = transpile(relation.render(CTX), dialect, pretty=True) + "\n"
    path = GOLDEN / dialect / f"derived_{relation.name}.sql"
    if os.environ.get("VALIDATOR903_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with VALIDATOR903_UPDATE_GOLDEN=1 and review it"
    assert got == path.read_text(encoding="utf-8")


def test_sql_cache_key_covers_the_table_specs(monkeypatch):
    """The generated staging SQL follows tables.py: a changed spec must not be served cached SQL."""
    from dataclasses import replace

    from validator903 import dialects, tables

    sql = "SELECT 1 AS x"
    dialects._code_version.cache_clear()
    before = dialects._key(sql, "duckdb", False)
    header = tables.TABLES[0]
    monkeypatch.setattr(tables, "TABLES", (replace(header, dates=header.dates + ("UPN",)),) + tables.TABLES[1:])
    dialects._code_version.cache_clear()
    after_dates = dialects._key(sql, "duckdb", False)
    monkeypatch.setattr(tables, "DERIVED", {"header": ("UASC", "EXTRA")})
    dialects._code_version.cache_clear()
    after_derived = dialects._key(sql, "duckdb", False)
    monkeypatch.undo()
    dialects._code_version.cache_clear()
    assert len({before, after_dates, after_derived}) == 3
    assert dialects._key(sql, "duckdb", False) == before
