"""`validator903 run --url`: the rules where the data lives.

Default, read-only: each rule is sent as one SELECT whose staging is a set of CTEs over the
mapped council tables (no DDL rights needed). With ``deploy=True`` the deployment scripts are run
first and the errors are read back from the ``errors`` view. Either way the flagged rows come
back into the run's local DuckDB, so every report is written by the same pipeline as ``validate``
(validator903.pipeline).
"""
from __future__ import annotations

import time
from pathlib import Path

import duckdb
from sqlglot import exp

from ..context import RuleContext
from ..derived import needed
from ..dialects import generate, parse
from ..engine import ERRORS_DDL, Run, RuleResult, _record_results, skipped_status
from ..load import LoadedTable, LoadResult
from ..rules import Rule, rules_for_year
from .connect import Connection
from .deploy import ERRORS_VIEW, build, rule_view
from .mapping import Mapping
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
    names = set(rule.requires()) | {d.name for d in derived}
    tree = _point_at_ctes(parse(rule.render(ctx))[0], names)
    cte = lambda name, body: exp.CTE(this=body, alias=exp.TableAlias(this=exp.to_identifier(_cte_name(name))))
    ctes = [cte(t, staged_select(mapping, t, dialect)) for t in rule.requires()]
    ctes += [cte(d.name, _point_at_ctes(parse(d.render(ctx))[0], names)) for d in derived]
    existing = tree.args.get("with_")
    tree.set("with_", exp.With(expressions=ctes + (list(existing.expressions) if existing else [])))
    return generate(tree, dialect)


def available_tables(conn: Connection, mapping: Mapping) -> dict[str, int]:
    """Which mapped relations exist (and their row counts); a missing one is not an error here:
    the rules that need it are reported as skipped."""
    found = {}
    for name, ts in mapping.tables.items():
        rel = generate(relation(ts), conn.dialect)
        try:
            found[name] = conn.execute(f"SELECT COUNT(*) FROM {rel}").fetchone()[0]
        except Exception:
            _rollback(conn)
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
               deploy: bool, schema: str, on_rule=None, local=None, copy_tables: bool = False) -> Run:
    """Run the rules on the server; the flagged rows land in ``local`` (the pipeline's DuckDB,
    validation.duckdb when there is an --output; a new in-memory one when not given). With
    ``copy_tables`` the staged tables come back too (for reports that show values)."""
    local = local if local is not None else duckdb.connect()
    local.execute(ERRORS_DDL)
    tables = available_tables(conn, mapping)
    for name in list(mapping.tables):
        if name not in tables:
            mapping.tables.pop(name)
            mapping.omitted.add(name)
    loaded = LoadResult({n: LoadedTable(n, Path(generate(relation(mapping.tables[n]), conn.dialect)), c)
                         for n, c in tables.items()})
    run = Run(local, ctx, loaded)
    rules = rules_for_year(ctx.year, codes)
    if deploy:
        _deploy(conn, ctx, mapping, schema, codes)
    for rule in rules:
        missing = [t for t in rule.requires() if t not in tables]
        if missing:
            result = RuleResult(rule, skipped_status(missing))
        else:
            result = _run_one(conn, run, rule, ctx, mapping, deploy, schema)
        run.results.append(result)
        if on_rule:
            on_rule(result)
    _record_results(run)
    if copy_tables:
        copy_staged(conn, local, mapping, [t for t in tables if t in mapping.tables])
    return run


def _run_one(conn, run, rule, ctx, mapping, deploy, schema) -> RuleResult:
    t0 = time.perf_counter()
    sql = (f"SELECT table_name, row_no, child FROM {schema}.{rule_view(rule.code)}" if deploy
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
    distinct = sorted({(str(t), int(r), None if c is None else str(c)) for t, r, c in rows},
                      key=lambda x: (x[0], x[1], x[2] or ""))
    if distinct:
        run.conn.executemany("INSERT INTO errors VALUES (?, ?, ?, ?)", [(rule.code, *row) for row in distinct])
    return RuleResult(rule, "ran", len(distinct), time.perf_counter() - t0)


def _deploy(conn: Connection, ctx: RuleContext, mapping: Mapping, schema: str, codes) -> None:
    for script in build(conn.dialect, ctx, mapping, schema, codes):
        for stmt in script.statements:
            if stmt.startswith("--"):
                continue
            conn.execute(stmt)


def snapshot(conn: Connection, schema: str) -> int:
    """Append the current errors view, with a timestamp, to the error-history table."""
    from .deploy import HISTORY, _text_type

    t = lambda n: _text_type(conn.dialect, n)
    ts = {"tsql": "DATETIME2", "oracle": "TIMESTAMP"}.get(conn.dialect, "TIMESTAMP")
    name = f"{schema}.{HISTORY}"
    try:
        conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()
    except Exception:
        _rollback(conn)
        conn.execute(f"CREATE TABLE {name} (snapshot_at {ts}, code {t(16)}, table_name {t(40)}, row_no INTEGER, "
                     f"child {t(64)}, message {t(1000)}, fields {t(200)})")
    now = {"tsql": "SYSDATETIME()", "oracle": "SYSTIMESTAMP"}.get(conn.dialect, "CURRENT_TIMESTAMP")
    try:
        cur = conn.execute(f"INSERT INTO {name} SELECT {now}, code, table_name, row_no, child, message, fields "
                           f"FROM {schema}.{ERRORS_VIEW}")
    except Exception as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        from ..errors import UsageError
        raise UsageError(f"cannot snapshot {schema}.{ERRORS_VIEW} (deploy first with run --deploy): {first}") from None
    return cur.rowcount


__all__ = ["run_remote", "read_only_sql", "snapshot"]
