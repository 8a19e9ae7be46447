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
from ..engine import ERRORS_DDL, Run, RuleResult, _record_results, skip_reason
from ..errors import UsageError
from ..load import LoadedTable, LoadResult
from ..pooled import COUNCILS, COUNCILS_SQL, partition
from ..reference import LA_CODES, la_code_rows
from ..rules import Rule, rules_for_year
from ..tables import is_reference
from .connect import Connection
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


def read_only_sql(rule: Rule, ctx: RuleContext, mapping: Mapping, dialect: str) -> str:
    """The rule as one SELECT with its staging and the derived relations it reads inlined as CTEs
    (prepended to the rule's own, in dependency order)."""
    derived = needed(rule.tables)
    staged = list(rule.requires())
    # many councils: each rule within each, reading each council's LA codes from v903_councils
    pool = (lambda tree: partition(tree, mapping.council_relations())) if mapping.pooled else (lambda tree: tree)
    tree = pool(parse(rule.render(ctx))[0])
    bodies = [(d.name, pool(parse(d.render(ctx))[0])) for d in derived]
    if any(_reads(t, COUNCILS) for t in [tree, *(b for _, b in bodies)]):
        staged += [LA_CODES] if LA_CODES not in staged else []
        bodies.insert(0, (COUNCILS, parse(COUNCILS_SQL)[0]))  # before episode_places, which reads it
    names = set(staged) | {n for n, _ in bodies}
    tree = _point_at_ctes(tree, names)
    cte = lambda name, body: exp.CTE(this=body, alias=exp.TableAlias(this=exp.to_identifier(_cte_name(name))))
    ctes = [cte(t, staged_select(mapping, t, dialect)) for t in staged]
    ctes += [cte(n, _point_at_ctes(b, names)) for n, b in bodies]
    existing = tree.args.get("with_")
    tree.set("with_", exp.With(expressions=ctes + (list(existing.expressions) if existing else [])))
    return generate(tree, dialect)


def _reads(tree: exp.Expression, name: str) -> bool:
    return any(t.name.lower() == name and not t.args.get("db") for t in tree.find_all(exp.Table))


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
            _rollback(conn)
            if denied is not None and any(p in str(e).lower() for p in patterns):
                denied[name] = f"no SELECT privilege on {rel} ({_first_line(e)})"
    return found


def _rollback(conn: Connection) -> None:
    try:
        conn.dbapi.rollback()
    except Exception:
        pass


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
    if mapping.pooled:  # each council's own LA code, from its rows (validator903.pooled)
        ctx = dataclasses.replace(ctx, pooled=True)
    if mapping.pooled:  # many councils' rows: each error carries its council
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
    for rule in rules:
        refused = [denied[t] for t in rule.requires() if t in denied]
        why = skip_reason(rule, tables.__contains__, ctx)
        if refused:
            result = RuleResult(rule, f"failed: {refused[0]}")
        elif why:
            result = RuleResult(rule, why)
        else:
            result = _run_one(conn, run, rule, ctx, mapping, deploy, schema)
        run.results.append(result)
        if on_rule:
            on_rule(result)
    _record_results(run)
    if copy_tables:
        # reference data stays where it is: the reports show the return's rows (and a postcode
        # directory is millions of rows)
        copy_staged(conn, local, mapping, [t for t in tables if t in mapping.tables and not is_reference(t)])
    return run


def _run_one(conn, run, rule, ctx, mapping, deploy, schema) -> RuleResult:
    t0 = time.perf_counter()
    pooled = ", v903_la" if mapping.pooled else ""
    sql = (f"SELECT table_name, row_no, child{pooled} FROM {schema}.{rule_view(rule.code)}" if deploy
           else read_only_sql(rule, ctx, mapping, conn.dialect))
    try:
        rows = conn.execute(sql).fetchall()
    except KeyboardInterrupt:
        raise
    except Exception as e:
        from ..engine import interrupted
        if interrupted(e):  # duckdb:/// warehouse: Ctrl+C, not a rule's failure
            raise KeyboardInterrupt from None
        _rollback(conn)
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        return RuleResult(rule, f"failed: {first}", seconds=time.perf_counter() - t0)
    distinct = sorted({(str(t), int(r), None if c is None else str(c), *map(str, la)) for t, r, c, *la in rows},
                      key=lambda x: (x[3:], x[0], x[1], x[2] or ""))
    if distinct:
        marks = ", ".join("?" * (len(distinct[0]) + 1))
        run.conn.executemany(f"INSERT INTO errors VALUES ({marks})", [(rule.code, *row) for row in distinct])
    return RuleResult(rule, "ran", len(distinct), time.perf_counter() - t0)


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
            _rollback(conn)
        undone = "; nothing was changed" if in_tx else ""
        raise UsageError(f"deploy into {schema} failed in {script.name if script else 'setup'}: "
                         f"{_first_line(e)}{undone}") from None
    finally:
        if in_tx:
            _autocommit(conn, True)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


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
    steps = [
        (f"SELECT {cols} FROM {schema}.{ERRORS_VIEW} WHERE 1 = 0",
         f"cannot read {schema}.{ERRORS_VIEW} (deploy first with run --deploy)"),
        (eng.table_ddl(fill(eng.create_table_once, name=name, columns=bi.history_columns(eng.text, eng.timestamp_type) +
                            f", CONSTRAINT {HISTORY}_pk PRIMARY KEY ({', '.join(bi.HISTORY_KEY)})")), f"cannot create {name}"),
    ]
    for sql, what in steps:
        try:
            conn.execute(sql).fetchall() if sql.startswith("SELECT") else conn.execute(sql)
        except Exception as e:
            _rollback(conn)
            raise UsageError(f"{what}: {_first_line(e)}") from None
    try:
        next_id = int(conn.execute(f"SELECT COALESCE(MAX(snapshot_id), 0) + 1 FROM {name}").fetchone()[0])
        cur = conn.execute(f"INSERT INTO {name} (snapshot_id, snapshot_at, {cols}) "
                           f"SELECT {next_id}, {eng.now}, {cols} FROM {schema}.{ERRORS_VIEW}")
    except Exception as e:
        _rollback(conn)
        raise UsageError(f"cannot snapshot {schema}.{ERRORS_VIEW} into {name}: {_first_line(e)} "
                         f"(a table from an older version: rename it and snapshot again)") from None
    return cur.rowcount


__all__ = ["run_remote", "read_only_sql", "snapshot"]
