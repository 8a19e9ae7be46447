"""`validator903 run --url`: the rules where the data lives.

Default, read-only: each rule is sent as one SELECT whose staging is a set of CTEs over the
mapped council tables (no DDL rights needed). With ``deploy=True`` the deployment scripts are run
first and the errors are read back from the ``errors`` view. Either way the flagged rows come
back into the run's local DuckDB, so every report is written by the same pipeline as ``validate``
(validator903.pipeline).
"""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import duckdb
from sqlglot import exp

from ..context import RuleContext
from ..derived import needed
from ..dialects import generate, parse, spec
from ..engine import ERRORS_DDL, Run, RuleResult, _record_results, insert_rows, skip_reason
from ..errors import UsageError, first_line
from ..load import LoadedTable, LoadResult
from ..pooled import COUNCILS, COUNCILS_SQL, PART
from ..reference import LA_CODES, la_code_rows
from ..rules import Rule, rules_for_year
from ..tables import is_reference
from .connect import Connection, rollback_quietly
from .deploy import ERRORS_VIEW, build, rule_view
from .mapping import Mapping, la_codes_source
from .source import relation, staged_select


def _cte_name(table: str) -> str:
    return f"v903s_{table}"


def _point_at_ctes(tree: exp.Expression, names: set[str]) -> exp.Expression:
    """Rename references to the staging / derived relations ``names`` to their CTEs (the query's own
    CTEs excepted)."""
    own = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    for t in tree.find_all(exp.Table):
        if t.name.lower() in names and t.name.lower() not in own and not t.args.get("db"):
            t.set("this", exp.to_identifier(_cte_name(t.name.lower())))
    return tree


def _cte(name: str, body: exp.Expression) -> exp.CTE:
    return exp.CTE(this=body, alias=exp.TableAlias(this=exp.to_identifier(_cte_name(name))))


def _reads(tree: exp.Expression, name: str) -> bool:
    return any(t.name.lower() == name and not t.args.get("db") for t in tree.find_all(exp.Table))


def _inlined(rules: list[Rule], ctx: RuleContext, mapping: Mapping, dialect: str) -> tuple[list[exp.CTE], list[exp.Expression]]:
    """The staging of every table ``rules`` read and the derived relations they read, as CTEs in
    dependency order (each once, however many of the rules read it), and each rule's parsed query
    pointed at them. Pooled, every rule runs within each council, reading each council's LA codes
    from v903_councils (a CTE too, before episode_places, which reads it)."""
    trees = [mapping.within_councils(parse(r.render(ctx))[0]) for r in rules]
    staged = list(dict.fromkeys(t for r in rules for t in r.requires()))
    bodies = [(d.name, mapping.within_councils(parse(d.render(ctx))[0])) for d in needed({t for r in rules for t in r.tables})]
    if any(_reads(t, COUNCILS) for t in [*trees, *(b for _, b in bodies)]):
        staged += [LA_CODES] if LA_CODES not in staged else []
        bodies.insert(0, (COUNCILS, parse(COUNCILS_SQL)[0]))
    names = set(staged) | {n for n, _ in bodies}
    ctes = [_cte(t, staged_select(mapping, t, dialect)) for t in staged]
    ctes += [_cte(n, _point_at_ctes(b, names)) for n, b in bodies]
    return ctes, [_point_at_ctes(t, names) for t in trees]


def read_only_sql(rule: Rule, ctx: RuleContext, mapping: Mapping, dialect: str) -> str:
    """The rule as one SELECT with its staging and the derived relations it reads inlined as CTEs
    (prepended to the rule's own, in dependency order)."""
    ctes, (tree,) = _inlined([rule], ctx, mapping, dialect)
    existing = tree.args.get("with_")
    tree.set("with_", exp.With(expressions=ctes + (list(existing.expressions) if existing else [])))
    return generate(tree, dialect)


def _hoist_own_ctes(tree: exp.Expression, prefix: str) -> list[exp.CTE]:
    """Take the rule's own top-level CTEs out of ``tree``, renamed ``<prefix>_<name>`` (references
    too), so several rules' CTEs can stand side by side in one WITH: SQL Server takes no WITH
    inside a derived table, and two rules may both call a CTE ``firsts``."""
    own = tree.args.get("with_")
    if own is None:
        return []
    tree.set("with_", None)
    ctes = list(own.expressions)
    renamed = {c.alias_or_name.lower(): f"{prefix}_{c.alias_or_name.lower()}" for c in ctes}
    for node in [tree, *ctes]:
        for t in node.find_all(exp.Table):
            if t.name.lower() in renamed and not t.args.get("db"):
                t.set("this", exp.to_identifier(renamed[t.name.lower()]))
    for c in ctes:
        c.set("alias", exp.TableAlias(this=exp.to_identifier(renamed[c.alias_or_name.lower()])))
    return ctes


def read_only_batch_sql(rules: list[Rule], ctx: RuleContext, mapping: Mapping, dialect: str) -> str:
    """Several rules as one SELECT: the staging and derived CTEs they read, once; each rule's own
    CTEs beside them, renamed per rule; then one UNION ALL branch per rule, its rows tagged with
    its code. On an engine where every statement costs (a Spark job, a round trip and a plan on a
    server) that is one statement for tens of rules instead of one each."""
    ctes, trees = _inlined(rules, ctx, mapping, dialect)
    branches = []
    pooled = f", q.{PART}" if mapping.pooled else ""
    for i, (rule, tree) in enumerate(zip(rules, trees)):
        ctes += _hoist_own_ctes(tree, f"v903r{i}")
        code = exp.Literal.string(rule.code).sql()
        branches.append(parse(f"SELECT {code} AS code, q.table_name, q.row_no, q.child{pooled} FROM (SELECT 1) AS q")[0]
                        .from_(exp.Subquery(this=tree, alias=exp.TableAlias(this=exp.to_identifier("q"))), copy=False))
    union = branches[0]
    for b in branches[1:]:
        union = exp.union(union, b, distinct=False)
    union.set("with_", exp.With(expressions=ctes))
    return generate(union, dialect)


def available_tables(conn: Connection, mapping: Mapping, denied: dict[str, str] | None = None) -> dict[str, int]:
    """Which mapped relations exist (and their row counts). A missing one is not an error here:
    the rules that need it are reported as skipped. One we may not read is: it lands in
    ``denied`` (table -> one line naming the relation and the privilege)."""
    found = {}
    patterns = [p.lower() for p in spec(conn.dialect).engine.denied_errors]
    for name, ts in mapping.tables.items():
        rel = generate(relation(ts, conn.dialect), conn.dialect)
        try:
            found[name] = conn.execute(f"SELECT COUNT(*) FROM {rel}").fetchone()[0]
        except Exception as e:
            rollback_quietly(conn)
            if denied is not None and any(p in str(e).lower() for p in patterns):
                denied[name] = f"no SELECT privilege on {rel} ({first_line(e)})"
    return found


def copy_staged(conn: Connection, local, mapping: Mapping, tables: list[str]) -> None:
    """The staged tables, read once from the server into ``local`` (as ``main.<table>``, the shape
    ``validate`` leaves), so the reports show each flagged row's values, locator and social
    worker and --compare-with matches errors by the same keys. Streamed through a CSV file:
    DuckDB reads that far faster than row-by-row inserts."""
    import csv
    import datetime
    import os
    import tempfile

    for table in tables:
        cur = conn.execute(f"SELECT * FROM ({generate(staged_select(mapping, table, conn.dialect), conn.dialect)}) q")
        names = [d[0].lower() for d in cur.description]
        types = ["VARCHAR"] * len(names)
        fd, path = tempfile.mkstemp(suffix=f"_{table}.csv")
        try:
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)  # minimal quoting: the \N of a NULL stays bare, so it reads as NULL
                w.writerow(names)
                while True:
                    rows = cur.fetchmany(10000)
                    if not rows:
                        break
                    for row in rows:
                        for i, v in enumerate(row):
                            if isinstance(v, (datetime.date, datetime.datetime)):
                                types[i] = "DATE"
                            elif isinstance(v, int) and not isinstance(v, bool) and types[i] == "VARCHAR":
                                types[i] = "BIGINT"
                        w.writerow(["\\N" if v is None else (v.isoformat()[:10] if isinstance(v, (datetime.date, datetime.datetime)) else v)
                                    for v in row])
            if "row_no" in names:
                types[names.index("row_no")] = "BIGINT"
            cols = "{" + ", ".join(f"'{n}': '{t}'" for n, t in zip(names, types)) + "}"
            src = path.replace("'", "''")
            local.execute(f"CREATE OR REPLACE TABLE main.{table} AS SELECT * FROM read_csv('{src}', header=true, "
                          f"auto_detect=false, columns={cols}, quote='\"', escape='\"', nullstr='\\N', "
                          f"allow_quoted_nulls=false)")
        finally:
            os.unlink(path)


def run_remote(conn: Connection, ctx: RuleContext, mapping: Mapping, codes: list[str] | None,
               deploy: bool, schema: str, on_rule=None, local=None, copy_tables: bool = False,
               grant_to: str | None = None) -> Run:
    """Run the rules on the server; the flagged rows land in ``local`` (the pipeline's DuckDB,
    validation.duckdb when there is an --output; a new in-memory one when not given). With
    ``copy_tables`` the staged tables come back too (for reports that show values)."""
    local = local if local is not None else duckdb.connect()
    local.execute(ERRORS_DDL)
    mapping.year = ctx.year
    if mapping.pooled:  # many councils' rows: each rule reads each council's own LA code from its
        ctx = dataclasses.replace(ctx, pooled=True)  # rows (validator903.pooled), each error carries its council
        local.execute("ALTER TABLE errors ADD COLUMN la_code VARCHAR")
    denied: dict[str, str] = {}
    tables = available_tables(conn, mapping, denied)
    for name in list(mapping.tables):
        if name not in tables and name not in denied:
            mapping.tables.pop(name)
            mapping.omitted.add(name)
    # the bundled LA codes: inlined in each read-only query (a deployment creates v903_la_codes)
    mapping.tables[LA_CODES] = la_codes_source(None)
    tables[LA_CODES] = len(la_code_rows())
    loaded = LoadResult({n: LoadedTable(n, Path(generate(relation(mapping.tables[n], conn.dialect), conn.dialect)), c)
                         for n, c in tables.items()})
    run = Run(local, ctx, loaded)
    rules = rules_for_year(ctx.year, codes)
    if deploy:
        _deploy(conn, ctx, mapping, schema, codes, grant_to)
    runnable, results = [], {}
    for rule in rules:
        refused = [denied[t] for t in rule.requires() if t in denied]
        why = skip_reason(rule, tables.__contains__, ctx)
        if refused or why:
            results[rule.code] = RuleResult(rule, f"failed: {refused[0]}" if refused else why)
            if on_rule:
                on_rule(results[rule.code])
        else:
            runnable.append(rule)
    per = spec(conn.dialect).engine.rules_per_query
    for at in range(0, len(runnable), per):
        for result in _run_batch(conn, run, runnable[at:at + per], ctx, mapping, deploy, schema):
            results[result.rule.code] = result
            if on_rule:
                on_rule(result)
    run.results.extend(results[r.code] for r in rules)
    _record_results(run)
    if copy_tables:
        # reference data stays where it is: the reports show the return's rows (and a postcode
        # directory is millions of rows)
        copy_staged(conn, local, mapping, [t for t in tables if t in mapping.tables and not is_reference(t)])
    return run


def _run_batch(conn, run, rules: list[Rule], ctx, mapping, deploy, schema) -> list[RuleResult]:
    """``rules`` in one statement; if that fails, each alone, so a rule the engine refuses is
    ``failed:`` by itself and the others of its batch still run."""
    if len(rules) == 1:
        return [_run_one(conn, run, rules[0], ctx, mapping, deploy, schema)]
    t0 = time.perf_counter()
    pooled = f", {PART}" if mapping.pooled else ""
    sql = ("\nUNION ALL\n".join(f"SELECT '{r.code}' AS code, table_name, row_no, child{pooled} "
                                f"FROM {schema}.{rule_view(r.code)}" for r in rules) if deploy
           else read_only_batch_sql(rules, ctx, mapping, conn.dialect))
    try:
        rows = _fetch(conn, sql)
    except _Failed:
        return [_run_one(conn, run, rule, ctx, mapping, deploy, schema) for rule in rules]
    by_code = {r.code: [] for r in rules}
    for code, *row in rows:
        by_code[str(code)].append(row)
    share = (time.perf_counter() - t0) / len(rules)  # the batch's time, shared equally (as validate)
    return [_record(run, rule, by_code[rule.code], share) for rule in rules]


class _Failed(Exception):
    """A statement the engine refused (its first line in args[0])."""


def _fetch(conn, sql: str) -> list[tuple]:
    try:
        return conn.execute(sql).fetchall()
    except KeyboardInterrupt:
        raise
    except Exception as e:
        from ..engine import interrupted
        if interrupted(e):  # duckdb:/// warehouse: Ctrl+C, not a rule's failure
            raise KeyboardInterrupt from None
        rollback_quietly(conn)
        raise _Failed(first_line(e)) from None


def _run_one(conn, run, rule, ctx, mapping, deploy, schema) -> RuleResult:
    t0 = time.perf_counter()
    pooled = f", {PART}" if mapping.pooled else ""
    sql = (f"SELECT table_name, row_no, child{pooled} FROM {schema}.{rule_view(rule.code)}" if deploy
           else read_only_sql(rule, ctx, mapping, conn.dialect))
    try:
        rows = _fetch(conn, sql)
    except _Failed as e:
        return RuleResult(rule, f"failed: {e.args[0]}", seconds=time.perf_counter() - t0)
    return _record(run, rule, rows, time.perf_counter() - t0)


def _record(run, rule: Rule, rows, seconds: float) -> RuleResult:
    """A rule's flagged rows into the local errors table, each once."""
    distinct = sorted({(str(t), int(r), None if c is None else str(c), *map(str, la)) for t, r, c, *la in rows},
                      key=lambda x: (x[3:], x[0], x[1], x[2] or ""))
    insert_rows(run.conn, "errors", [(rule.code, *row) for row in distinct])
    return RuleResult(rule, "ran", len(distinct), seconds)


def _deploy(conn: Connection, ctx: RuleContext, mapping: Mapping, schema: str, codes, grant_to=None) -> None:
    """Run the deployment scripts, as one transaction where the engine's DDL allows it, so the
    errors view is never missing or half-built for a reader; any failure is one line, exit 2."""
    scripts = build(conn.dialect, ctx, mapping, schema, codes, grant_to)
    in_tx = spec(conn.dialect).engine.transactional_ddl
    if in_tx:
        _begin(conn)
    script = None
    try:
        for script in scripts:
            for stmt in script.statements:
                if not stmt.startswith("--"):
                    conn.execute(stmt)
        if in_tx:
            conn.dbapi.commit()
    except Exception as e:
        if in_tx:
            rollback_quietly(conn)
        undone = "; nothing was changed" if in_tx else ""
        raise UsageError(f"deploy into {schema} failed in {script.name if script else 'setup'}: "
                         f"{first_line(e)}{undone}") from None
    finally:
        if in_tx:
            _autocommit(conn, True)


def _begin(conn: Connection) -> None:
    """Leave autocommit: the DB-API then opens a transaction at the first statement (DuckDB's
    driver has no autocommit switch, so there the transaction is explicit)."""
    if not _autocommit(conn, False):
        conn.execute("BEGIN TRANSACTION")


def _autocommit(conn: Connection, on: bool) -> bool:
    try:
        conn.dbapi.autocommit = on
        return True
    except (AttributeError, TypeError):
        return False


def snapshot(conn: Connection, schema: str) -> int:
    """Append the current errors view to the error history as one new snapshot (the next
    snapshot_id, one timestamp): the materialised form dashboards read through errors_latest."""
    from ..dialects import fill
    from . import bi
    from .deploy import HISTORY

    eng = spec(conn.dialect).engine
    name = f"{schema}.{HISTORY}"
    cols = ", ".join(c for c, _, _ in bi.ERROR_COLUMNS)

    def append() -> int:
        next_id = int(conn.execute(f"SELECT COALESCE(MAX(snapshot_id), 0) + 1 FROM {name}").fetchone()[0])
        return conn.execute(f"INSERT INTO {name} (snapshot_id, snapshot_at, {cols}) "
                            f"SELECT {next_id}, {eng.now}, {cols} FROM {schema}.{ERRORS_VIEW}").rowcount

    # The usual snapshot appends to the table the first one made: planning the errors view (a union
    # of every rule) costs seconds, so it is planned once. Only when that fails (the first snapshot,
    # no deployment, a table from an older version) is the view probed on its own, and the history
    # table created only beside a readable errors view.
    try:
        return append()
    except Exception:
        rollback_quietly(conn)
    try:
        conn.execute(f"SELECT {cols} FROM {schema}.{ERRORS_VIEW} WHERE 1 = 0").fetchall()
    except Exception as e:
        rollback_quietly(conn)
        raise UsageError(f"cannot read {schema}.{ERRORS_VIEW} (deploy first with run --deploy): {first_line(e)}") from None
    try:
        conn.execute(eng.table_ddl(fill(eng.create_table_once, name=name,
                                        columns=bi.history_columns(eng.text, eng.timestamp_type) +
                                        f", CONSTRAINT {HISTORY}_pk PRIMARY KEY ({', '.join(bi.HISTORY_KEY)})")))
    except Exception as e:
        rollback_quietly(conn)
        raise UsageError(f"cannot create {name}: {first_line(e)}") from None
    try:
        return append()
    except Exception as e:
        rollback_quietly(conn)
        raise UsageError(f"cannot snapshot {schema}.{ERRORS_VIEW} into {name}: {first_line(e)} "
                         f"(a table from an older version: rename it and snapshot again)") from None


__all__ = ["run_remote", "read_only_sql", "snapshot"]
