"""Run: load -> stage -> derived relations -> one query per rule -> the ``errors`` relation, all
inside one DuckDB.

Rules only read staging and the derived relations, so no rule can change what another sees; they
run in batches, each one INSERT ... SELECT of a UNION ALL of tens of rules (a batch that fails
runs again rule by rule), and the flagged rows never travel through Python.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

from .context import CollectionYear, RuleContext
from .errors import first_line
from .load import LoadResult, load_all
from .rules import Rule, code_sort_key
from .stage import stage_duckdb
from .tables import is_reference, spec_for


@dataclass
class RuleResult:
    rule: Rule
    status: str          # "ran", "skipped: ...", "failed: ..."
    count: int = 0
    seconds: float = 0.0


@dataclass
class Run:
    conn: duckdb.DuckDBPyConnection
    ctx: RuleContext
    load: LoadResult
    results: list[RuleResult] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        return sum(r.count for r in self.results)


ERRORS_DDL = ("CREATE OR REPLACE TABLE errors (code VARCHAR, table_name VARCHAR, row_no BIGINT, "
              "child VARCHAR)")
CATALOGUE_DDL = ("CREATE OR REPLACE TABLE rule_results (code VARCHAR, name VARCHAR, message VARCHAR, "
                 "fields VARCHAR, status VARCHAR, count BIGINT, sort_order INTEGER, source VARCHAR, "
                 "severity VARCHAR)")


def interrupted(e: BaseException) -> bool:
    """DuckDB's form of Ctrl+C (the CSV reader reports it as an error of the file it was reading)."""
    return isinstance(e, duckdb.InterruptException) or "Query interrupted" in str(e) or "INTERRUPT Error" in str(e)


def open_db(path: Path | None) -> duckdb.DuckDBPyConnection:
    if path is None:
        return duckdb.connect()
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
    return duckdb.connect(str(path))


def insert_rows(conn, table: str, rows) -> None:
    """INSERT ``rows`` (sequences of equal length) into ``table`` as one statement with one list
    parameter per column, zipped back into rows by UNNEST. DuckDB's executemany runs one statement
    per row (163 rows: 0.16 s), and multi-row VALUES bind every value as its own parameter (the
    317 rows of rule_results: 45 ms, against 5 ms this way)."""
    rows = [tuple(r) for r in rows]
    if not rows:
        return
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        raise ValueError(f"insert_rows({table}): rows of different lengths")
    columns = [list(c) for c in zip(*rows)]
    conn.execute(f"INSERT INTO {table} SELECT " + ", ".join(f"UNNEST(${i})" for i in range(1, width + 1)), columns)


def load_and_stage(conn, current: list[Path], previous: list[Path] | None,
                   references: dict[str, list[Path]] | None = None) -> LoadResult:
    """Files -> typed staging tables in ``main``; a file that cannot be read exactly raises
    InputError naming it. Row counts are filled in from the staged tables. ``references``: the
    reference files the user gave (table -> files, e.g. {"postcodes": [nspl.zip]}); the bundled
    reference tables are staged on every run."""
    import shutil

    from .errors import InputError
    from .load.csv_files import read_error
    from .reference import load_references

    loaded = load_all(conn, current, previous)
    load_references(conn, references, loaded)

    def explain(table: str, e: Exception) -> Exception:
        if interrupted(e):  # Ctrl+C while a file was read: not the file's fault
            return KeyboardInterrupt()
        f = loaded.tables[table].file
        return read_error(f, e) if f else InputError(loaded.tables[table].source, str(e).splitlines()[0])

    try:
        stage_duckdb(conn, sorted(loaded.tables), on_error=explain, parallel=True)
    finally:
        if loaded.workdir:
            shutil.rmtree(loaded.workdir, ignore_errors=True)
    conn.execute("DROP SCHEMA raw CASCADE")  # staging keeps the original text of every date
    for t in loaded.tables.values():
        if is_reference(t.name):  # reference data: no CHILD to check
            t.rows = conn.execute(f"SELECT COUNT(*) FROM {t.name}").fetchone()[0]  # main or temp
            continue
        sci = "contains(child, 'E+') AND regexp_full_match(child, '[0-9.]+E\\+[0-9]+')"  # contains: cheap first
        t.rows, mangled, example = conn.execute(
            f"SELECT COUNT(*), COUNT(*) FILTER (WHERE {sci}), MIN(child) FILTER (WHERE {sci}) FROM main.{t.name}").fetchone()
        if mangled:
            loaded.warnings.append(f"{t.source}: {mangled} CHILD value(s) look like Excel scientific notation "
                                   f"(e.g. {example}): the real ids are lost; re-export with CHILD as text")
    return loaded


def prepare(conn, ctx: RuleContext, current: list[Path], previous: list[Path] | None,
            references: dict[str, list[Path]] | None = None, reads=None) -> Run:
    """Load, stage and build the derived relations: everything the rules read. ``reads``: the
    relations the rules to run read (``relations_read``); None computes every derived relation.

    Writing the staged tables into validation.duckdb ends in a checkpoint (100k children with last
    year: 0.4 s on one thread). DuckDB would run it automatically at the first commit after
    staging, with the other cores idle; it is held off instead and run beside the derived
    relations, which only read the staged tables and write the run's in-memory database. The
    CHECKPOINT names the file's database: the cursors' search_path makes the in-memory one their
    default, where an unnamed CHECKPOINT does nothing. Whatever it leaves, the next commit or
    closing the file writes: only the overlap could be lost, never data."""
    from .derived import materialise_duckdb
    from .side_by_side import Job

    threshold, db = conn.execute("SELECT current_setting('checkpoint_threshold'), current_database()").fetchone()
    conn.execute("SET checkpoint_threshold = '1TB'")
    try:
        loaded = load_and_stage(conn, current, previous, references)
        checkpoint = Job("checkpoint", 'CHECKPOINT "' + db.replace('"', '""') + '"')
        materialise_duckdb(conn, ctx, loaded.tables, parallel=True, beside=[checkpoint], wanted=reads)
    finally:
        try:
            conn.execute(f"SET checkpoint_threshold = '{threshold}'")
        except duckdb.Error:  # after Ctrl+C or a lost database: what stopped the run is what to report
            pass
    return Run(conn, ctx, loaded)


def relations_read(rules) -> set[str]:
    """The relations (staging and derived) that ``rules`` and their fixes read."""
    from .fixes.spec import fixes_for

    return {t for r in rules for t in r.tables} | {t for f in fixes_for(rules) for t in f.tables}


def skipped_status(missing: list[str], year: CollectionYear | None = None) -> str:
    """Why a rule did not run, naming what would let it: a table of this year's return, then a
    reference file ("skipped: needs postcodes (--postcodes FILE)"), then last year's return. With
    the ``year``, a table last year's return cannot have (DoLo in 2026/27: first collected then)
    is said to be so, since supplying last year's return would not help."""
    from .tables import LAST_SUFFIX

    this_year = [t for t in missing if not t.endswith(LAST_SUFFIX) and not is_reference(t)]
    if this_year:
        return f"skipped: missing table {', '.join(this_year)}"
    why = list(dict.fromkeys(_needs(t) for t in missing if is_reference(t)))
    last = [spec_for(t) for t in missing if t.endswith(LAST_SUFFIX)]
    too_new = [t for t in last if year is not None and t.first_year > year.start_year - 1]
    if too_new:
        why.append(f"last year's return ({CollectionYear(year.start_year - 1)}) cannot have "
                   + ", ".join(f"{t.peer_name} (first collected in {CollectionYear(t.first_year)})" for t in too_new))
    elif last:
        why.append("previous year not supplied")
    return "skipped: " + "; ".join(why)


def _needs(table: str) -> str:
    """What supplies a reference table, named by the first table of its option (provider_places
    comes with --providers as providers does): "needs providers (--providers FILE)"."""
    from .tables import REFERENCE

    spec = spec_for(table)
    first = next((r for r in REFERENCE if spec.option and r.option == spec.option), spec)
    return f"needs {first.name} ({spec.option or 'bundled with validator903'})"


# Rules per statement. One INSERT of a UNION ALL of tens of rules lets DuckDB plan, scan and
# write once per batch instead of once per rule (288 rules: about half the time of one by one).
BATCH_SIZE = 20


def _flagged_rows(code: str, sql: str) -> str:
    """One rule's flagged rows as errors' columns (DISTINCT: a row is flagged once per rule)."""
    code = code.replace("'", "''")
    return (f"SELECT DISTINCT '{code}' AS code, CAST(q.table_name AS VARCHAR) AS table_name, "
            f"CAST(q.row_no AS BIGINT) AS row_no, CAST(q.child AS VARCHAR) AS child FROM ({sql}) AS q")


def _failure(e: Exception) -> str:
    if interrupted(e):  # Ctrl+C stops the run; it is no rule's failure
        raise KeyboardInterrupt from None
    return "failed: " + first_line(e)


NEEDS_LA = "skipped: needs your LA code (--la 352 or --la E08000003)"


def skip_reason(rule: Rule, present, ctx: RuleContext) -> str | None:
    """Why ``rule`` cannot run here, or None: a table (or reference file, or last year's return)
    that ``present(name)`` says is absent, or the council's LA code for a rule that compares
    with it (without it such a rule would silently flag nothing)."""
    missing = [t for t in rule.requires() if not present(t)]
    if missing:
        return skipped_status(missing, ctx.year)
    if rule.needs_la and ctx.la_code is None and not ctx.pooled:  # pooled: each row's council's
        return NEEDS_LA
    return None


def run_rule(run: Run, rule: Rule) -> RuleResult:
    """One rule alone, as its own INSERT (a broken rule is reported, never stops the others)."""
    why = skip_reason(rule, run.load.tables.__contains__, run.ctx)
    if why:
        return RuleResult(rule, why)
    t0 = time.perf_counter()
    try:
        sql = rule.sql(run.ctx, "duckdb")
        count = run.conn.execute("INSERT INTO errors " + _flagged_rows(rule.code, sql)).fetchone()[0]
    except Exception as e:
        return RuleResult(rule, _failure(e), seconds=time.perf_counter() - t0)
    return RuleResult(rule, "ran", count, time.perf_counter() - t0)


def run_batch(run: Run, batch: list[tuple[Rule, str]]) -> list[RuleResult]:
    """Rules with their SQL as one INSERT of a UNION ALL, counted with GROUP BY code. If the
    statement fails (nothing of it is written), each rule runs alone, so only a broken one fails.
    Each rule is given an equal share of the batch's time (``--profile`` times them alone)."""
    t0 = time.perf_counter()
    try:
        run.conn.execute("INSERT INTO errors " + "\nUNION ALL\n".join(_flagged_rows(r.code, sql) for r, sql in batch))
        codes = ", ".join("'" + r.code.replace("'", "''") + "'" for r, _ in batch)
        counts = dict(run.conn.execute(f"SELECT code, COUNT(*) FROM errors WHERE code IN ({codes}) GROUP BY code").fetchall())
    except Exception as e:
        _failure(e)  # raises on Ctrl+C
        return [run_rule(run, r) for r, _ in batch]
    share = (time.perf_counter() - t0) / len(batch)
    return [RuleResult(r, "ran", counts.get(r.code, 0), share) for r, _ in batch]


def run_rules(run: Run, rules: list[Rule], on_rule: Callable[[RuleResult], None] | None = None,
              batch_size: int = BATCH_SIZE) -> Run:
    """Every rule, in batches; results (and ``on_rule`` calls) in the order of ``rules``."""
    from .dialects import save_cache

    run.conn.execute(ERRORS_DDL)
    done: dict[int, RuleResult] = {}
    runnable: list[tuple[int, Rule, str]] = []
    for i, rule in enumerate(rules):
        why = skip_reason(rule, run.load.tables.__contains__, run.ctx)
        if why:
            done[i] = RuleResult(rule, why)
            continue
        try:
            runnable.append((i, rule, rule.sql(run.ctx, "duckdb")))
        except Exception as e:  # a template or transpile error: this rule alone fails
            done[i] = RuleResult(rule, _failure(e))
    reported = 0

    def report_ready() -> None:
        nonlocal reported
        while reported in done:
            run.results.append(done[reported])
            if on_rule:
                on_rule(done[reported])
            reported += 1

    for start in range(0, len(runnable), max(1, batch_size)):
        chunk = runnable[start:start + max(1, batch_size)]
        results = run_batch(run, [(r, sql) for _, r, sql in chunk])
        done.update((i, res) for (i, _, _), res in zip(chunk, results))
        report_ready()
    report_ready()
    save_cache()
    _record_results(run)
    return run


def _record_results(run: Run) -> None:
    run.conn.execute(CATALOGUE_DDL)
    ordered = sorted(run.results, key=lambda r: code_sort_key(r.rule.code))
    rows = [(r.rule.code, r.rule.name, r.rule.message, ";".join(r.rule.fields), r.status, r.count, i,
             r.rule.source, r.rule.severity) for i, r in enumerate(ordered)]
    insert_rows(run.conn, "rule_results", rows)
