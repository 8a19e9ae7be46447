"""Deployment scripts: everything validator903 creates lives in one schema it owns.

Ordered, re-runnable scripts per dialect:
  01_schema      the schema (T-SQL / Postgres; on Oracle the schema is the deploying user)
  02_tables      v903_parameters (one row: year, dates, LA code and its ONS code), v903_rules (the catalogue) and,
                 once, v903_error_history (what `snapshot` appends)
  03_staging     one view per canonical table over the council's own tables (the mapping), then
                 the derived relations (episodes_seq, care_periods, child_facts, ...) over those
  04_rules       one view per rule: err_<code> (table_name, row_no, child)
  05_errors      the union view ``errors`` (bi.ERROR_COLUMNS) and ``errors_latest`` (the newest
                 snapshot in v903_error_history), and the grants of --grant-to
Rule views read the collection dates and LA code from v903_parameters, so updating that one row
moves the dates to another year (code lists that changed between years need a recompile).
Source relations are only ever read.
"""
from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field

from sqlglot import exp

from ..context import RuleContext
from ..derived import buildable, derived_names
from ..dialects import fill, generate, parse, spec
from ..engine import skipped_status
from ..errors import UsageError
from ..rules import Rule, rules_for_year
from ..tables import all_table_names
from ..pooled import COUNCILS, COUNCILS_SQL
from . import bi
from ..reference import LA_CODES
from .mapping import LA_CODES_TABLE, Mapping, _ident, la_codes_source
from .source import staged_select

PARAMS = "v903_parameters"
CATALOGUE = "v903_rules"
CODES = "v903_codes"
HISTORY = "v903_error_history"
ERRORS_VIEW = "errors"
LATEST_VIEW = "errors_latest"
# what a BI role reads (and is granted with --grant-to)
FIXES_VIEW = "fixes"      # warehouse/fixes_view.py
BI_OBJECTS = (ERRORS_VIEW, LATEST_VIEW, HISTORY, CATALOGUE, PARAMS, CODES, LA_CODES_TABLE, FIXES_VIEW)


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


def deployable_rules(ctx: RuleContext, mapping: Mapping, codes: list[str] | None = None) -> tuple[list[Rule], list[Rule]]:
    rules = rules_for_year(ctx.year, codes)
    ok = [r for r in rules if all(mapping.has(t) for t in r.requires())]
    return ok, [r for r in rules if r not in ok]


def build(dialect: str, ctx: RuleContext, mapping: Mapping, schema: str,
          codes: list[str] | None = None, grant_to: str | None = None) -> list[Script]:
    eng = spec(dialect).engine
    _ident(schema, "--schema")
    limit = eng.max_name_bytes
    if limit and len(schema.encode()) > limit:
        raise UsageError(f"--schema {schema!r} is longer than {spec(dialect).kind}'s {limit} bytes")
    # the bundled reference data is ours: a table in our schema, staged like the council's tables
    mapping = dataclasses.replace(mapping, tables={**mapping.tables, LA_CODES: la_codes_source(schema)},
                                  omitted=set(mapping.omitted))   # keeps the pooled columns and year
    unqualified = sorted(n for n, ts in mapping.tables.items() if len(ts.relation) < 2)
    if unqualified:
        # the views would resolve them from the deploying user's schema: on Oracle that is ours,
        # so the staging view `header` would read itself
        raise UsageError(f"source table(s) {', '.join(unqualified[:3])}{' …' if len(unqualified) > 3 else ''} "
                         "have no schema: give --source-schema (or schema: in the mapping, or source: schema.table)")
    S = schema
    mapping.year = ctx.year
    # pooled data: each council's LA codes from its rows (v903_councils), not the parameters row
    pctx = RuleContext(ctx.year, ctx.la_code, params_table=f"{S}.{PARAMS}", pooled=mapping.pooled)
    rules, skipped = deployable_rules(ctx, mapping, codes)
    _lit = eng.literal
    scripts = [Script("01_schema"), Script("02_tables"), Script("03_staging"), Script("04_rules"), Script("05_errors")]
    sch, tab, stg, rul, err = scripts

    sch.statements += [*eng.preflight, eng.schema_statement(S)]

    # 02 first drops our previous views where the engine binds views early (Postgres), dependents
    # first and never anything else's; 05 replaces the union view itself, so it re-runs on its own.
    tab.statements += eng.teardown_statements(S, [FIXES_VIEW, ERRORS_VIEW, LATEST_VIEW, *derived_names(),
                                                  *([COUNCILS] if mapping.pooled else []), *all_table_names()])
    t = eng.text
    date = "DATE NOT NULL"
    tab.statements += eng.drop_table_statements(f"{S}.{PARAMS}")
    # exactly one row: a second one would break every date rule's scalar subquery, and an empty
    # table shows as one row of the errors view (bi.errors_select)
    # text a rule may compare with staged text carries the same collation (else SQL Server's Msg 468)
    bin_ = f" COLLATE {spec(dialect).collation}" if spec(dialect).collation else ""
    tab.statements.append(
        f"CREATE TABLE {S}.{PARAMS} (id INTEGER NOT NULL, collection_year {t(7)}{bin_} NOT NULL, collection_start {date}, "
        f"collection_end {date}, previous_start {date}, previous_end {date}, la_code {t(3)}{bin_}, "
        f"la_ons {t(9)}{bin_}, CONSTRAINT {PARAMS}_pk PRIMARY KEY (id), CONSTRAINT {PARAMS}_one_row CHECK (id = 1))")
    y = ctx.year
    tab.statements.append(
        f"INSERT INTO {S}.{PARAMS} VALUES (1, {_lit(str(y))}, {_date_lit(dialect, y.start)}, {_date_lit(dialect, y.end)}, "
        f"{_date_lit(dialect, y.start.replace(year=y.start_year - 1))}, {_date_lit(dialect, y.end.replace(year=y.start_year))}, "
        f"{_lit(ctx.la_code)}, {_lit(ctx.la_ons)})")
    tab.statements += eng.drop_table_statements(f"{S}.{CATALOGUE}")
    tab.statements.append(
        f"CREATE TABLE {S}.{CATALOGUE} (code {t(16)} NOT NULL, name {t(80)}, message {t(1000)}, fields {t(200)}, "
        f"tables_needed {t(300)}, severity {t(5)}, source {t(10)}, status {t(300)}, "
        f"CONSTRAINT {CATALOGUE}_pk PRIMARY KEY (code))")
    for r in rules + skipped:
        status = "deployed" if r in rules else skipped_status([x for x in r.requires() if not mapping.has(x)], ctx.year)
        tab.statements.append(
            f"INSERT INTO {S}.{CATALOGUE} VALUES ({_lit(r.code)}, {_lit(r.name)}, {_lit(r.message)}, "
            f"{_lit(';'.join(r.fields))}, {_lit(';'.join(r.tables))}, {_lit(bi.severity(r))}, {_lit(bi.source(r))}, "
            f"{_lit(status)})")
    code, name, message = bi.PARAMS_MISSING
    tab.statements.append(f"INSERT INTO {S}.{CATALOGUE} VALUES ({_lit(code)}, {_lit(name)}, {_lit(message)}, '', "
                          f"{_lit(PARAMS)}, 'error', 'tool', 'check')")
    tab.statements += _code_list_statements(eng, dialect, S, ctx)
    tab.statements += _la_code_statements(eng, dialect, S)
    # the history is kept across deploys: created once, keyed by snapshot, indexed by child
    tab.statements.append(fill(eng.create_table_once, name=f"{S}.{HISTORY}",
                               columns=bi.history_columns(t, eng.timestamp_type) +
                               f", CONSTRAINT {HISTORY}_pk PRIMARY KEY ({', '.join(bi.HISTORY_KEY)})"))
    if eng.create_index_once:
        tab.statements.append(fill(eng.create_index_once, index=f"{HISTORY}_child", name=f"{S}.{HISTORY}",
                                   columns="child, snapshot_id"))
    tab.statements = _engine_forms(eng, tab.statements)

    staged_tables = [n for n in all_table_names() if mapping.has(n)]
    for table in staged_tables:
        stg.statements += eng.view_statements(f"{S}.{table}",
                                              generate(staged_select(mapping, table, dialect), dialect, pretty=True))
    # The derived relations (episode sequence, periods of care, child facts) are views over the
    # staging views, in dependency order, created with them.
    derived = buildable(staged_tables)
    ours = set(staged_tables) | {d.name for d in derived}
    if mapping.pooled:  # before the derived relations: episode_places reads it
        ours.add(COUNCILS)
        stg.statements += eng.view_statements(
            f"{S}.{COUNCILS}", generate(qualify(parse(COUNCILS_SQL)[0], S, ours), dialect, pretty=True))
    for d in derived:
        stg.statements += eng.view_statements(
            f"{S}.{d.name}", generate(qualify(mapping.within_councils(parse(d.render(pctx))[0]), S, ours), dialect, pretty=True))
    for r in rules:
        view = f"{S}.{rule_view(r.code)}"
        tree = qualify(mapping.within_councils(parse(r.render(pctx))[0]), S, ours)
        rul.statements += eng.view_statements(view, generate(tree, dialect, pretty=True))
    branches = [bi.rule_branch(r, S, rule_view(r.code), set(staged_tables), mapping.pooled) for r in rules]
    errors_sql = bi.errors_select(branches, S, CATALOGUE, PARAMS, eng.from_dual, mapping.pooled)
    err.statements += eng.view_statements(f"{S}.{ERRORS_VIEW}", _portable(errors_sql, dialect))
    err.statements += eng.view_statements(
        f"{S}.{LATEST_VIEW}", f"SELECT * FROM {S}.{HISTORY} WHERE snapshot_id = (SELECT MAX(snapshot_id) FROM {S}.{HISTORY})")
    from .fixes_view import fixes_select

    fixes_sql = fixes_select(rules, pctx, set(staged_tables),
                             lambda r: bi.rule_branch(r, S, rule_view(r.code), set(staged_tables)))
    if fixes_sql:  # the corrections proposed for the errors' rows: read-only, like everything here
        fixes_sql = qualify(parse(fixes_sql)[0], S, ours).sql("duckdb")  # helpers expanded below
        err.statements += eng.view_statements(f"{S}.{FIXES_VIEW}", _portable(fixes_sql, dialect))
    if grant_to:
        _ident(grant_to, "--grant-to")
        err.statements += eng.grant_statements(S, grant_to, [f"{S}.{n}" for n in BI_OBJECTS])
    if limit:
        too_long = [n for n in [PARAMS, CATALOGUE, CODES, LA_CODES_TABLE, ERRORS_VIEW, LATEST_VIEW, FIXES_VIEW, HISTORY, f"{HISTORY}_child",
                                f"{PARAMS}_one_row", *sorted(ours), *(rule_view(r.code) for r in rules)]
                    if len(n.encode()) > limit]
        if too_long:
            raise UsageError(f"{spec(dialect).kind} object names over {limit} bytes: {', '.join(too_long)}")
    return scripts


def _engine_forms(eng, statements: list[str]) -> list[str]:
    """Tables without constraints where the engine takes none, and consecutive single-row INSERTs
    into one table merged where each statement is costly (a Spark job each)."""
    out: list[str] = []
    for st in (eng.table_ddl(s) for s in statements):
        head, sep, values = st.partition(" VALUES (")
        if eng.multi_row_insert and sep and head.startswith("INSERT INTO ") and out and \
                out[-1].startswith(head + " VALUES ("):
            out[-1] += ", (" + values
        else:
            out.append(st)
    return out


def _portable(sql: str, dialect: str) -> str:
    """Portable SQL to ``dialect``; ``v903_null_text()`` is a NULL of the engine's text type (a
    bare CAST AS VARCHAR would be CLOB on Oracle, VARCHAR(MAX) on SQL Server)."""
    eng = spec(dialect)
    text = exp.DataType.build(eng.engine.text(4000), dialect=eng.sqlglot_name)
    tree = parse(sql)[0].transform(
        lambda n: exp.Cast(this=exp.Null(), to=text.copy())
        if isinstance(n, exp.Anonymous) and n.name.lower() == "v903_null_text" else n)
    return generate(tree, dialect, pretty=True)


def _code_list_statements(eng, dialect: str, schema: str, ctx: RuleContext) -> list[str]:
    """v903_codes: the year's code lists (rules_sql/codes/) as a reference table, for BI tools to
    label codes. The views were compiled with the same lists; they do not read this table."""
    from ..codes import code_lists

    t, lit, name = eng.text, eng.literal, f"{schema}.{CODES}"
    out = eng.drop_table_statements(name)
    out.append(f"CREATE TABLE {name} (collection_year {t(7)} NOT NULL, field {t(30)} NOT NULL, code {t(10)} NOT NULL, "
               f"label {t(400)}, status {t(10)} NOT NULL, last_date DATE, "
               f"CONSTRAINT {CODES}_pk PRIMARY KEY (field, code))")
    year = str(ctx.year)
    for field, cl in code_lists().items():
        by_code = {c.code: c for c in cl.codes}
        rows = [(code, "valid", None) for code in cl.valid(ctx.year)]
        rows += [(c.code, "retired", c.last_date) for c in cl.retired(ctx.year)]
        for code, status, last in rows:
            when = _date_lit(dialect, last) if last else "NULL"
            out.append(f"INSERT INTO {name} VALUES ({lit(year)}, {lit(field)}, {lit(code)}, "
                       f"{lit(by_code[code].label or None)}, {lit(status)}, {when})")
    return out


def _la_code_statements(eng, dialect: str, schema: str) -> list[str]:
    """v903_la_codes: the bundled DfE 3-digit and ONS codes of every council (rules_sql/reference/
    la_codes.csv), read by the staging view la_codes and by BI tools to name councils."""
    from datetime import datetime

    from ..reference import la_code_rows

    t, lit, name = eng.text, eng.literal, f"{schema}.{LA_CODES_TABLE}"
    out = eng.drop_table_statements(name)
    out.append(f"CREATE TABLE {name} (dfe_code {t(3)} NOT NULL, ons_code {t(9)} NOT NULL, name {t(100)} NOT NULL, "
               f"valid_from DATE, valid_to DATE, CONSTRAINT {LA_CODES_TABLE}_pk PRIMARY KEY (ons_code))")
    when = lambda text: _date_lit(dialect, datetime.strptime(text, "%d/%m/%Y").date()) if text else "NULL"
    for r in la_code_rows():
        out.append(f"INSERT INTO {name} VALUES ({lit(r['DFE_CODE'])}, {lit(r['ONS_CODE'])}, {lit(r['NAME'])}, "
                   f"{when(r['VALID_FROM'])}, {when(r['VALID_TO'])})")
    return out


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
