"""Checks over every generated deployment script, for the engines CI cannot run (SQL Server,
Oracle) and for Postgres: re-parse in the target dialect, the function allow-list of each dialect
table (``engine: functions:``), structural rules, Oracle's identifier length, and that nothing
writes outside our own schema."""
import re

import pytest
import sqlglot
from sqlglot import exp

from validator903.context import SUPPORTED_YEARS, CollectionYear, RuleContext
from validator903.dialects import spec
from validator903.warehouse.deploy import build
from validator903.warehouse.mapping import default_mapping

SCHEMA = "ssda903"
KEYWORDS_BEFORE_PAREN = {"AS", "AND", "OR", "NOT", "FROM", "JOIN", "ON", "WHERE", "SELECT", "THEN", "ELSE", "WHEN",
                         "BY", "PARTITION", "ALL", "UNION", "IF", "WITH", "BETWEEN", "IS", "NULL", "VIEW", "TABLE",
                         "INTEGER", "DATE", "NVARCHAR", "BIGINT", "INT", "COLLATE", "END", "EXCEPTION"}
WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|DROP\s+(?:VIEW|TABLE)|ALTER\s+TABLE|"
                   r"TRUNCATE\s+TABLE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:VIEW|TABLE))\s+(?:IF\s+EXISTS\s+)?([\w.\[\]\"]+)",
                   re.I)
STRING = re.compile(r"'(?:[^']|'')*'")
COMMENT = re.compile(r"/\*.*?\*/|--[^\n]*", re.S)


def statements(dialect, year="2025/26"):
    """Every statement of the deployment scripts (``dialect`` may carry a version: tsql:2017)."""
    ctx = RuleContext(CollectionYear.parse(year), "352")
    for script in build(dialect, ctx, default_mapping("council"), SCHEMA):
        for s in script.statements:
            if not s.startswith("--"):
                yield script.name, s


def _views(dialect):
    for name, s in statements(dialect):
        m = re.match(r"CREATE (?:OR REPLACE )?VIEW (\S+) AS\n", s)
        if m:
            yield m.group(1), s[m.end():]


@pytest.mark.parametrize("dialect", ["tsql", "tsql:2016", "tsql:2017", "oracle", "postgres"])
@pytest.mark.parametrize("year", SUPPORTED_YEARS)
def test_every_statement_reparses(dialect, year):
    for name, s in statements(dialect, year):
        if s.startswith(("BEGIN EXECUTE IMMEDIATE", "IF OBJECT_ID", "IF SCHEMA_ID")):
            continue  # procedural one-liners: checked by the write-safety test
        sqlglot.parse_one(s, read=dialect.partition(":")[0])


def test_target_version_unlocks_newer_sql_server_features():
    old = "\n".join(s for _, s in statements("tsql"))
    new = "\n".join(s for _, s in statements("tsql:2017"))
    assert "CREATE OR ALTER" not in old and not re.search(r"(?<![LR])TRIM\(", old)
    assert "CREATE OR ALTER VIEW ssda903.err_101" in new and re.search(r"(?<![LR])TRIM\(", new)
    assert "IF OBJECT_ID" not in new


@pytest.mark.parametrize("dialect", ["tsql", "oracle", "postgres"])
def test_functions_are_on_the_allow_list(dialect):
    unknown = {}
    for name, s in statements(dialect):
        if s.startswith("CREATE TABLE"):
            continue  # column lists, not calls
        text = STRING.sub("''", COMMENT.sub(" ", s).upper())
        for fn in re.findall(r"\b([A-Z_][A-Z0-9_$]*)\s*\(", text):
            if fn not in spec(dialect).engine.functions and fn not in KEYWORDS_BEFORE_PAREN:
                unknown.setdefault(fn, s[:80])
    assert unknown == {}


@pytest.mark.parametrize("dialect", ["tsql", "oracle"])
def test_structure_of_views(dialect):
    for name, body in _views(dialect):
        tree = sqlglot.parse_one(body, read=dialect)
        for select in tree.find_all(exp.Select):
            for proj in select.expressions:
                inner = proj.this if isinstance(proj, exp.Alias) else proj
                assert not isinstance(inner, (exp.Predicate, exp.Connector, exp.Not)), f"{name}: boolean projection"
        assert not tree.args.get("order"), f"{name}: ORDER BY in a view"
        for sub in tree.find_all(exp.Subquery):
            assert sub.find(exp.With) is None, f"{name}: WITH inside a derived table"
        if dialect == "tsql":
            assert "INTERVAL" not in body.upper(), name
            assert not re.search(r"(?<![LR])TRIM\(", body.upper()), f"{name}: TRIM needs SQL Server 2017"
        if dialect == "oracle":
            assert "CAST('" not in body, f"{name}: NLS-dependent date literal"


def test_oracle_identifiers_fit_30_bytes():
    for name, s in statements("oracle"):
        for ident in re.findall(r"[A-Za-z_][A-Za-z0-9_$#]*", STRING.sub("''", s)):
            assert len(ident.encode()) <= 30, ident


WRITES = (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Drop, exp.Alter, exp.TruncateTable, exp.Create)


def _write_targets(statement: str, dialect: str) -> list[str]:
    """Every relation a statement writes to, by sqlglot's parse; procedural one-liners that
    sqlglot keeps as commands (IF OBJECT_ID ... DROP, EXECUTE IMMEDIATE 'DROP ...') by pattern."""
    if statement.startswith(("IF ", "BEGIN ", "DO $v903$")):
        return [t for _, t in WRITE.findall(statement)]
    tree = sqlglot.parse_one(statement, read=dialect)
    if isinstance(tree, exp.Command):
        return [t for _, t in WRITE.findall(statement)]
    targets = []
    for node in tree.walk():
        if isinstance(node, WRITES):
            table = node.this if isinstance(node.this, exp.Table) else node.find(exp.Table)
            if isinstance(table, exp.Schema):
                table = table.this
            targets.append(table.sql(dialect) if table is not None else "<unknown>")
    return targets


@pytest.mark.parametrize("dialect", ["tsql", "oracle", "postgres", "duckdb"])
def test_generated_sql_never_writes_outside_our_schema(dialect):
    writes = 0
    for name, s in statements(dialect):
        # CASCADE would drop whatever else reads our objects (a BI team's views): never emitted
        assert not re.search(r"\bCASCADE\b", STRING.sub("''", s), re.I), f"CASCADE in {name}: {s[:80]}"
        if s.startswith(("IF SCHEMA_ID", "CREATE SCHEMA")):
            continue  # our own schema, created if missing
        for target in _write_targets(s, dialect):
            writes += 1
            assert target.lower().strip('"[').startswith(SCHEMA + "."), f"{target} in {name}: {s[:80]}"
    assert writes > 50


def test_snapshot_and_selftest_write_only_our_schema():
    from validator903.selftest import selftest_script

    for dialect in ("tsql", "oracle", "postgres", "duckdb"):
        for stmt in selftest_script(dialect).split(spec(dialect).engine.batch_end):
            body = "\n".join(l for l in stmt.splitlines() if not l.startswith("--")).strip()
            if body:
                assert _write_targets(body, dialect) == [], body[:80]
