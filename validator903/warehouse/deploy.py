"""Deployment scripts: everything validator903 creates lives in one schema it owns.

Ordered, re-runnable scripts per dialect:
  01_schema      the schema (T-SQL / Postgres; on Oracle the schema is the deploying user)
  02_tables      v903_parameters (one row: year, dates, LA code) and v903_rules (the catalogue)
  03_staging     one view per canonical table over the council's own tables (the mapping), then
                 the derived relations (episodes_seq, care_periods, child_facts, ...) over those
  04_rules       one view per rule: err_<code> (table_name, row_no, child)
  05_errors      the union view ``errors`` (code, table_name, row_no, child, message, fields)
Rule views read the collection dates and LA code from v903_parameters, so updating that one row
moves the dates to another year (code lists that changed between years need a recompile).
Source relations are only ever read.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from ..context import RuleContext
from ..derived import buildable
from ..engine import skipped_status
from ..dialects import generate, parse, spec
from ..errors import UsageError
from ..rules import Rule, rules_for_year
from .mapping import Mapping, _ident
from .source import staged_select

PARAMS = "v903_parameters"
CATALOGUE = "v903_rules"
HISTORY = "v903_error_history"
ERRORS_VIEW = "errors"
ORACLE_MAX_NAME = 30


@dataclass
class Script:
    name: str
    statements: list[str] = field(default_factory=list)


def rule_view(code: str) -> str:
    return f"err_{code.lower()}"


def qualify(tree: exp.Expression, schema: str, tables: set[str]) -> exp.Expression:
    """Point a rule's references to canonical tables at the views in ``schema`` (CTEs excepted)."""
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    for t in tree.find_all(exp.Table):
        name = t.name.lower()
        if not t.args.get("db") and name in tables and name not in ctes:
            t.set("db", exp.to_identifier(schema))
    return tree


def _lit(value) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def _kind(dialect: str) -> str:
    """The engine of a dialect name ("tsql:2017" -> "tsql")."""
    return dialect.partition(":")[0]


def _drop_view(dialect: str, name: str) -> list[str]:
    if spec(dialect).has("create_or_alter"):
        return []  # CREATE OR ALTER VIEW replaces it
    if _kind(dialect) == "tsql":
        return [f"IF OBJECT_ID(N'{name}', N'V') IS NOT NULL DROP VIEW {name}"]
    if _kind(dialect) == "postgres":
        return [f"DROP VIEW IF EXISTS {name} CASCADE"]
    if _kind(dialect) == "duckdb":
        return [f"DROP VIEW IF EXISTS {name}"]
    return []  # oracle: CREATE OR REPLACE VIEW


def _create_view(dialect: str, name: str, select: str) -> str:
    if spec(dialect).has("create_or_alter"):
        verb = "CREATE OR ALTER VIEW"
    else:
        verb = "CREATE OR REPLACE VIEW" if _kind(dialect) == "oracle" else "CREATE VIEW"
    return f"{verb} {name} AS\n{select}"


def _drop_table(dialect: str, name: str) -> list[str]:
    if spec(dialect).has("drop_if_exists"):
        return [f"DROP TABLE IF EXISTS {name}"]
    if _kind(dialect) == "tsql":
        return [f"IF OBJECT_ID(N'{name}', N'U') IS NOT NULL DROP TABLE {name}"]
    if _kind(dialect) == "oracle":
        return [f"BEGIN EXECUTE IMMEDIATE 'DROP TABLE {name}'; EXCEPTION WHEN OTHERS THEN "
                "IF SQLCODE != -942 THEN RAISE; END IF; END;"]
    return [f"DROP TABLE IF EXISTS {name} CASCADE" if _kind(dialect) == "postgres" else f"DROP TABLE IF EXISTS {name}"]


def _text_type(dialect: str, n: int) -> str:
    return {"oracle": f"VARCHAR2({n} CHAR)", "tsql": f"NVARCHAR({n})"}.get(_kind(dialect), f"VARCHAR({n})")


def deployable_rules(ctx: RuleContext, mapping: Mapping, codes: list[str] | None = None) -> tuple[list[Rule], list[Rule]]:
    rules = rules_for_year(ctx.year, codes)
    ok = [r for r in rules if all(mapping.has(t) for t in r.requires())]
    return ok, [r for r in rules if r not in ok]


def build(dialect: str, ctx: RuleContext, mapping: Mapping, schema: str,
          codes: list[str] | None = None) -> list[Script]:
    spec(dialect)
    _ident(schema, "--schema")
    if _kind(dialect) == "oracle" and len(schema) > ORACLE_MAX_NAME:
        raise UsageError(f"--schema {schema!r} is longer than Oracle's {ORACLE_MAX_NAME} bytes")
    S = schema
    pctx = RuleContext(ctx.year, ctx.la_code, params_table=f"{S}.{PARAMS}")
    rules, skipped = deployable_rules(ctx, mapping, codes)
    scripts = [Script("01_schema"), Script("02_tables"), Script("03_staging"), Script("04_rules"), Script("05_errors")]
    sch, tab, stg, rul, err = scripts

    if _kind(dialect) == "tsql":
        sch.statements.append(f"IF SCHEMA_ID(N'{S}') IS NULL EXEC(N'CREATE SCHEMA {S}')")
    elif _kind(dialect) in ("postgres", "duckdb"):
        sch.statements.append(f"CREATE SCHEMA IF NOT EXISTS {S}")
    else:
        sch.statements.append(f"-- Oracle: objects are created in schema {S}; connect as that user")

    # 05 replaces the union view itself, so that script re-runs on its own; 02's DROP TABLE ...
    # CASCADE (Postgres) takes the view with the catalogue it joins, other engines bind views late
    err.statements += _drop_view(dialect, f"{S}.{ERRORS_VIEW}")
    t = lambda n: _text_type(dialect, n)
    date = "DATE"
    tab.statements += _drop_table(dialect, f"{S}.{PARAMS}")
    tab.statements.append(
        f"CREATE TABLE {S}.{PARAMS} (collection_year {t(7)}, collection_start {date}, collection_end {date}, "
        f"previous_start {date}, previous_end {date}, la_code {t(3)})")
    y = ctx.year
    tab.statements.append(
        f"INSERT INTO {S}.{PARAMS} VALUES ({_lit(str(y))}, {_date_lit(dialect, y.start)}, {_date_lit(dialect, y.end)}, "
        f"{_date_lit(dialect, y.start.replace(year=y.start_year - 1))}, {_date_lit(dialect, y.end.replace(year=y.start_year))}, "
        f"{_lit(ctx.la_code)})")
    tab.statements += _drop_table(dialect, f"{S}.{CATALOGUE}")
    tab.statements.append(
        f"CREATE TABLE {S}.{CATALOGUE} (code {t(16)}, name {t(80)}, message {t(1000)}, fields {t(200)}, "
        f"tables_needed {t(300)}, status {t(300)})")
    for r in rules + skipped:
        status = "deployed" if r in rules else skipped_status([x for x in r.requires() if not mapping.has(x)])
        tab.statements.append(
            f"INSERT INTO {S}.{CATALOGUE} VALUES ({_lit(r.code)}, {_lit(r.name)}, {_lit(r.message)}, "
            f"{_lit(';'.join(r.fields))}, {_lit(';'.join(r.tables))}, {_lit(status)})")

    staged_tables = sorted(mapping.tables)
    for table in staged_tables:
        stg.statements += _drop_view(dialect, f"{S}.{table}")
        stg.statements.append(_create_view(dialect, f"{S}.{table}",
                                           generate(staged_select(mapping, table, dialect), dialect, pretty=True)))
    # The derived relations (episode sequence, periods of care, child facts) are views over the
    # staging views, in dependency order, created with them.
    derived = buildable(staged_tables)
    ours = set(staged_tables) | {d.name for d in derived}
    for d in derived:
        stg.statements += _drop_view(dialect, f"{S}.{d.name}")
        stg.statements.append(_create_view(dialect, f"{S}.{d.name}",
                                           generate(qualify(parse(d.render(pctx))[0], S, ours), dialect, pretty=True)))
    for r in rules:
        name = f"{S}.{rule_view(r.code)}"
        tree = qualify(parse(r.render(pctx))[0], S, ours)
        rul.statements += _drop_view(dialect, name)
        rul.statements.append(_create_view(dialect, name, generate(tree, dialect, pretty=True)))
    union = "\nUNION ALL\n".join(
        f"SELECT {_lit(r.code)} AS code, e.table_name, e.row_no, e.child FROM {S}.{rule_view(r.code)} e"
        for r in rules) or f"SELECT {_lit('')} AS code, {_lit('')} AS table_name, 0 AS row_no, {_lit('')} AS child FROM {S}.{PARAMS} WHERE 1 = 0"
    err.statements.append(_create_view(
        dialect, f"{S}.{ERRORS_VIEW}",
        f"SELECT u.code, u.table_name, u.row_no, u.child, c.message, c.fields\n"
        f"FROM (\n{union}\n) u\nJOIN {S}.{CATALOGUE} c ON c.code = u.code"))
    if _kind(dialect) == "oracle":
        too_long = [n for n in [PARAMS, CATALOGUE, ERRORS_VIEW, HISTORY, *sorted(ours),
                                *(rule_view(r.code) for r in rules)] if len(n.encode()) > ORACLE_MAX_NAME]
        if too_long:
            raise UsageError(f"Oracle object names over {ORACLE_MAX_NAME} bytes: {', '.join(too_long)}")
    return scripts


def _date_lit(dialect: str, d) -> str:
    return generate(parse(f"SELECT ssda_date('{d.isoformat()}')")[0], dialect)[len("SELECT "):]


def render(scripts: list[Script], dialect: str) -> dict[str, str]:
    """File name -> text, with the batch separators each engine's tools expect."""
    out = {}
    for s in scripts:
        if _kind(dialect) == "tsql":
            body = "\nGO\n".join(s.statements) + "\nGO\n"
        elif _kind(dialect) == "oracle":
            body = "".join(f"{st}\n/\n" if not st.startswith("--") else f"{st}\n" for st in s.statements)
        else:
            body = ";\n\n".join(s.statements) + ";\n"
        out[f"{s.name}.sql"] = f"-- validator903 {s.name} ({dialect})\n" + body
    return out
