"""Deployment scripts: everything validator903 creates lives in one schema it owns.

Ordered, re-runnable scripts per dialect:
  01_schema      the schema (T-SQL / Postgres; on Oracle the schema is the deploying user)
  02_tables      v903_parameters (one row: year, dates, LA code) and v903_rules (the catalogue)
  03_staging     one view per canonical table over the council's own tables (the mapping)
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
from ..dialects import generate, parse, spec
from ..errors import UsageError
from ..rules import Rule, rules_for_year
from ..tables import all_table_names
from .mapping import Mapping, _ident
from .source import staged_select

PARAMS = "v903_parameters"
CATALOGUE = "v903_rules"
HISTORY = "v903_error_history"
ERRORS_VIEW = "errors"
# Views of ours besides the staging views and err_<code>, created between staging and rules, in
# this order (the derived relations); a teardown drops them with the rest of ours.
DERIVED_VIEWS: tuple[str, ...] = ()


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


def deployable_rules(ctx: RuleContext, mapping: Mapping, codes: list[str] | None = None) -> tuple[list[Rule], list[Rule]]:
    rules = rules_for_year(ctx.year, codes)
    ok = [r for r in rules if all(mapping.has(t) for t in r.tables)]
    return ok, [r for r in rules if r not in ok]


def build(dialect: str, ctx: RuleContext, mapping: Mapping, schema: str,
          codes: list[str] | None = None) -> list[Script]:
    eng = spec(dialect).engine
    _ident(schema, "--schema")
    limit = eng.max_name_bytes
    if limit and len(schema.encode()) > limit:
        raise UsageError(f"--schema {schema!r} is longer than {spec(dialect).kind}'s {limit} bytes")
    unqualified = sorted(n for n, ts in mapping.tables.items() if len(ts.relation) < 2)
    if unqualified:
        # the views would resolve them from the deploying user's schema: on Oracle that is ours,
        # so the staging view `header` would read itself
        raise UsageError(f"source table(s) {', '.join(unqualified[:3])}{' …' if len(unqualified) > 3 else ''} "
                         "have no schema: give --source-schema (or schema: in the mapping, or source: schema.table)")
    S = schema
    pctx = RuleContext(ctx.year, ctx.la_code, params_table=f"{S}.{PARAMS}")
    rules, skipped = deployable_rules(ctx, mapping, codes)
    scripts = [Script("01_schema"), Script("02_tables"), Script("03_staging"), Script("04_rules"), Script("05_errors")]
    sch, tab, stg, rul, err = scripts

    sch.statements.append(eng.schema_statement(S))

    # 02 first drops our previous views where the engine binds views early (Postgres), dependents
    # first and never anything else's; 05 replaces the union view itself, so it re-runs on its own.
    tab.statements += eng.teardown_statements(S, [ERRORS_VIEW, *DERIVED_VIEWS, *all_table_names()])
    err.statements += eng.drop_view_statements(f"{S}.{ERRORS_VIEW}")
    t = eng.text
    date = "DATE"
    tab.statements += eng.drop_table_statements(f"{S}.{PARAMS}")
    tab.statements.append(
        f"CREATE TABLE {S}.{PARAMS} (collection_year {t(7)}, collection_start {date}, collection_end {date}, "
        f"previous_start {date}, previous_end {date}, la_code {t(3)})")
    y = ctx.year
    tab.statements.append(
        f"INSERT INTO {S}.{PARAMS} VALUES ({_lit(str(y))}, {_date_lit(dialect, y.start)}, {_date_lit(dialect, y.end)}, "
        f"{_date_lit(dialect, y.start.replace(year=y.start_year - 1))}, {_date_lit(dialect, y.end.replace(year=y.start_year))}, "
        f"{_lit(ctx.la_code)})")
    tab.statements += eng.drop_table_statements(f"{S}.{CATALOGUE}")
    tab.statements.append(
        f"CREATE TABLE {S}.{CATALOGUE} (code {t(16)}, name {t(80)}, message {t(1000)}, fields {t(200)}, "
        f"tables_needed {t(300)}, status {t(300)})")
    for r in rules + skipped:
        status = "deployed" if r in rules else "skipped: missing table " + ", ".join(
            x for x in r.tables if not mapping.has(x))
        tab.statements.append(
            f"INSERT INTO {S}.{CATALOGUE} VALUES ({_lit(r.code)}, {_lit(r.name)}, {_lit(r.message)}, "
            f"{_lit(';'.join(r.fields))}, {_lit(';'.join(r.tables))}, {_lit(status)})")

    staged_tables = sorted(mapping.tables)
    for table in staged_tables:
        stg.statements += eng.view_statements(f"{S}.{table}",
                                              generate(staged_select(mapping, table, dialect), dialect, pretty=True))
    for r in rules:
        name = f"{S}.{rule_view(r.code)}"
        tree = qualify(parse(r.render(pctx))[0], S, set(staged_tables))
        rul.statements += eng.view_statements(name, generate(tree, dialect, pretty=True))
    union = "\nUNION ALL\n".join(
        f"SELECT {_lit(r.code)} AS code, e.table_name, e.row_no, e.child FROM {S}.{rule_view(r.code)} e"
        for r in rules) or f"SELECT {_lit('')} AS code, {_lit('')} AS table_name, 0 AS row_no, {_lit('')} AS child FROM {S}.{PARAMS} WHERE 1 = 0"
    err.statements.append(eng.view_statements(
        f"{S}.{ERRORS_VIEW}",
        f"SELECT u.code, u.table_name, u.row_no, u.child, c.message, c.fields\n"
        f"FROM (\n{union}\n) u\nJOIN {S}.{CATALOGUE} c ON c.code = u.code")[-1])
    if limit:
        too_long = [n for n in [PARAMS, CATALOGUE, ERRORS_VIEW, HISTORY, *staged_tables,
                                *(rule_view(r.code) for r in rules)] if len(n.encode()) > limit]
        if too_long:
            raise UsageError(f"{spec(dialect).kind} object names over {limit} bytes: {', '.join(too_long)}")
    return scripts


def _date_lit(dialect: str, d) -> str:
    return generate(parse(f"SELECT ssda_date('{d.isoformat()}')")[0], dialect)[len("SELECT "):]


def render(scripts: list[Script], dialect: str) -> dict[str, str]:
    """File name -> text, with the batch separators each engine's tools expect."""
    eng = spec(dialect).engine
    out = {}
    for s in scripts:
        statements = [*eng.script_begin, *s.statements, *eng.script_end]
        body = "\n".join(f"{st}\n" if st.startswith("--") else st + eng.batch_end for st in statements)
        out[f"{s.name}.sql"] = f"-- validator903 {s.name} ({dialect})\n" + body
    return out
