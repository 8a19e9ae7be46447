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
                         "INTEGER", "DATE", "NVARCHAR", "BIGINT", "INT", "COLLATE", "END", "EXCEPTION", "HAVING"}
WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|DROP\s+(?:VIEW|TABLE)|ALTER\s+TABLE|"
                   r"TRUNCATE\s+TABLE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:VIEW|TABLE))\s+(?:IF\s+EXISTS\s+)?([\w.\[\]\"]+)",
                   re.I)
STRING = re.compile(r"'(?:[^']|'')*'")
COMMENT = re.compile(r"/\*.*?\*/|--[^\n]*", re.S)
# strings and comments in one left-to-right scan: a '--' inside a literal (a skip status naming
# "--postcodes FILE") is text, an apostrophe inside a comment is not a quote
_LEXEME = re.compile(r"'(?:[^']|'')*'|/\*.*?\*/|--[^\n]*", re.S)


def _code_only(sql: str) -> str:
    """``sql`` with every string literal as '' and every comment as a space."""
    return _LEXEME.sub(lambda m: "''" if m.group(0).startswith("'") else " ", sql)


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
        if s.startswith(("BEGIN EXECUTE IMMEDIATE", "IF OBJECT_ID", "IF SCHEMA_ID", "IF NOT EXISTS", "IF (SELECT",
                         "DO $v903$")):
            continue  # procedural one-liners: checked by the write-safety test
        sqlglot.parse_one(s, read=dialect.partition(":")[0])


def test_target_version_unlocks_newer_sql_server_features():
    old = "\n".join(s for _, s in statements("tsql"))
    new = "\n".join(s for _, s in statements("tsql:2017"))
    assert "CREATE OR ALTER" not in old and not re.search(r"(?<![LR])TRIM\(", old)
    assert "CREATE OR ALTER VIEW ssda903.err_101" in new and re.search(r"(?<![LR])TRIM\(", new)
    assert not re.search(r"IF OBJECT_ID\(.*\) IS NOT NULL DROP", new)  # (creating the history once still asks)


@pytest.mark.parametrize("dialect", ["tsql", "oracle", "postgres"])
def test_grants_cover_what_a_bi_role_reads(dialect):
    ctx = RuleContext(CollectionYear.parse("2025/26"), "352")
    scripts = {s.name: s.statements for s in build(dialect, ctx, default_mapping("council"), SCHEMA, grant_to="bi_reader")}
    grants = [s for s in scripts["05_errors"] if s.startswith(("GRANT", "ALTER DEFAULT"))]
    text = "\n".join(grants)
    assert grants and all("bi_reader" in g for g in grants)
    if dialect == "oracle":  # per object: errors, errors_latest, history, catalogue, parameters
        assert {g.split(" ON ")[1].split(" TO ")[0] for g in grants} == {
            f"{SCHEMA}.{n}" for n in ("errors", "errors_latest", "v903_error_history", "v903_rules", "v903_parameters", "v903_codes",
                                   "v903_la_codes", "fixes")}
    else:  # the schema, so views a redeploy recreates stay readable
        assert f"SCHEMA::{SCHEMA}" in text if dialect == "tsql" else f"ALTER DEFAULT PRIVILEGES IN SCHEMA {SCHEMA}" in text
    assert all(not s.startswith("GRANT") for n, st in scripts.items() if n != "05_errors" for s in st)


def test_sql_server_checks_compatibility_level_and_writes_unicode_as_n_literals():
    ctx = RuleContext(CollectionYear.parse("2025/26"), "352")
    scripts = {s.name: s.statements for s in build("tsql", ctx, default_mapping("council"), SCHEMA)}
    assert scripts["01_schema"][0].startswith("IF (SELECT compatibility_level") and "< 110 THROW" in scripts["01_schema"][0]
    catalogue = "\n".join(scripts["02_tables"])
    assert "N'The child or young person\u2019s reported sex is not valid.'" in catalogue   # a curly quote: N''
    assert ", 'SEX', 'header'," in catalogue                                          # ASCII: plain ''
    oracle = "\n".join(s.statements[0] for s in build("oracle", ctx, default_mapping("council"), SCHEMA)[1:2])
    assert "N'" not in oracle


def test_oracle_drops_its_tables_with_purge():
    ctx = RuleContext(CollectionYear.parse("2025/26"), "352")
    tables = build("oracle", ctx, default_mapping("council"), SCHEMA)[1].statements
    drops = [s for s in tables if "DROP TABLE" in s]  # v903_parameters, v903_rules, v903_codes, v903_la_codes
    assert len(drops) == 4 and all("PURGE'" in s for s in drops)


@pytest.mark.parametrize("dialect", ["tsql", "oracle", "postgres"])
def test_functions_are_on_the_allow_list(dialect):
    unknown = {}
    for name, s in statements(dialect):
        if re.search(r"CREATE (TABLE|INDEX)", s):
            continue  # column lists, not calls
        text = _code_only(s).upper()
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
    if statement.startswith(("IF ", "BEGIN ", "DO $v903$")):  # (IF (SELECT ...) < 110 THROW: a check, no write)
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


def _unlisted_functions(statement: str, dialect: str) -> set[str]:
    text = _code_only(statement).upper()
    return {fn for fn in re.findall(r"\b([A-Z_][A-Z0-9_$]*)\s*\(", text)
            if fn not in spec(dialect).engine.functions and fn not in KEYWORDS_BEFORE_PAREN}


@pytest.mark.parametrize("dialect", ["tsql", "oracle", "postgres", "duckdb"])
def test_selftest_statements_reparse_use_listed_functions_and_never_write(dialect):
    from validator903.selftest import default_cases as load_cases
    from validator903.selftest import selftest_script

    statements = [s for s in selftest_script(dialect).split(spec(dialect).engine.batch_end) if s.strip()]
    statements[0] = "\n".join(l for l in statements[0].splitlines() if not l.startswith("--"))
    assert sum("ok case " in s for s in statements) == len(load_cases())
    unknown = set()
    for s in statements:
        tree = sqlglot.parse_one(s, read=spec(dialect).sqlglot_name)
        assert not isinstance(tree, exp.Command) and not any(isinstance(n, WRITES) for n in tree.walk()), s[:80]
        unknown |= _unlisted_functions(s, dialect)
    assert unknown == set()



def test_sql_server_staged_text_carries_the_binary_collation_by_type():
    """Every staged text column (codes, <date>_raw, derived UASC) is binary-collated, so every
    comparison over it - CASE results, COALESCE, joins, GROUP BY, PARTITION BY - is exact and no
    two sides can carry different collations (Msg 468); dates and row_no carry none."""
    from validator903.tables import DERIVED, all_table_names, spec_for
    from validator903.warehouse.source import staged_select

    mapping = default_mapping("council", references=True)
    for table in all_table_names():
        tree = staged_select(mapping, table, "tsql")
        t = spec_for(table)
        texts = ({c for c, kind, _ in t.staged if kind == "text"} if t.staged else
                 {c.lower() for c in t.codes} | {c.lower() + "_raw" for c in t.dates}) | \
            {c.lower() for c in DERIVED.get(t.name, ())}
        for proj in tree.expressions:
            collated = isinstance(proj.this, exp.Collate)
            assert collated == (proj.alias_or_name in texts), (table, proj.alias_or_name)
    params = next(s for _, s in statements("tsql") if s.startswith(f"CREATE TABLE {SCHEMA}.v903_parameters"))
    assert "la_code NVARCHAR(3) COLLATE Latin1_General_BIN2" in params


def test_oracle_text_comparisons_are_pinned_to_binary_sort_keys():
    """A BI session with NLS_COMP=LINGUISTIC and NLS_SORT=BINARY_CI compares text without case,
    and a view cannot pin the session: so every text comparison (literal, column to column, IN,
    inside CASE) and every PARTITION BY over a text column compares NLSSORT(.., 'NLS_SORT=BINARY')
    keys; dates, numbers and subquery INs are left alone."""
    from validator903.dialects import transpile

    key = "NLSSORT({}, 'NLS_SORT=BINARY')"
    sql = transpile(
        "SELECT e.child, CASE WHEN e.rne = 'S' THEN 1 ELSE 0 END AS s, "
        "ROW_NUMBER() OVER (PARTITION BY e.child ORDER BY e.decom) AS n "
        "FROM episodes AS e JOIN header AS h ON h.child = e.child "
        "WHERE e.place IN ('A3', 'A4') AND e.decom = e.dec AND e.row_no = 1 "
        "AND e.child IN (SELECT u.child FROM uasc AS u)", "oracle")
    for pinned in (f"{key.format('e.rne')} = {key.format(chr(39) + 'S' + chr(39))}",
                   f"PARTITION BY {key.format('e.child')}",
                   f"{key.format('h.child')} = {key.format('e.child')}",
                   f"{key.format('e.place')} IN ({key.format(chr(39) + 'A3' + chr(39))}"):
        assert pinned in sql, (pinned, sql)
    assert "e.decom = e.dec" in sql and "e.row_no = 1" in sql
    assert "e.child IN (SELECT" in sql
    assert "NLSSORT" not in transpile("SELECT e.child FROM episodes AS e WHERE e.rne = 'S'", "tsql")
