"""Run: load -> stage -> derived relations -> one query per rule -> the ``errors`` relation, all
inside one DuckDB.

Rules only read staging and the derived relations, so no rule can change what another sees; they
run in batches, each one INSERT ... SELECT of a UNION ALL of tens of rules (a batch that fails
runs again rule by rule), and the flagged rows never travel through Python. The batches run on
cursors side by side with the derived relations, the staged tables' checkpoint and the checks of
the data, each batch once the relations it reads are there: on 2 cores nothing waits for the
slowest relation (``episodes_seq``) but the rules that read it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

from .context import CollectionYear, RuleContext
from .derived import RUN_DB, attach_run
from .errors import first_line
from .load import LoadResult, load_all
from .rules import Rule, code_sort_key
from .side_by_side import Job
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
    pending: list[Job] = field(default_factory=list)   # work that can run beside the rules (the checkpoint)
    restore: list[str] = field(default_factory=list)   # settings to put back once it has run

    @property
    def flagged(self) -> int:
        return sum(r.count for r in self.results)


ERRORS_COLUMNS = "(code VARCHAR, table_name VARCHAR, row_no BIGINT, child VARCHAR)"
ERRORS_DDL = f"CREATE OR REPLACE TABLE errors {ERRORS_COLUMNS}"
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
    InputError naming it. Row counts are those of the staged tables. ``references``: the
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
        rows = stage_duckdb(conn, sorted(loaded.tables), on_error=explain, parallel=True)
    finally:
        if loaded.workdir:
            shutil.rmtree(loaded.workdir, ignore_errors=True)
    conn.execute("DROP SCHEMA raw CASCADE")  # staging keeps the original text of every date
    for t in loaded.tables.values():
        t.rows = rows[t.name]
    return loaded


def load(conn, ctx: RuleContext, current: list[Path], previous: list[Path] | None,
         references: dict[str, list[Path]] | None = None) -> Run:
    """Load and stage: the typed tables in ``main``, nothing derived yet. The derived relations
    are computed by ``derive`` or, side by side with the rules that do not read them, by
    ``run_rules``.

    Writing the staged tables into validation.duckdb ends in a checkpoint (100k children with last
    year: 0.4 s on one thread). DuckDB would run it automatically at the first commit after
    staging, with the other cores idle; it is held off instead and left in ``Run.pending``, to run
    beside the derived relations and the rules, which only read the staged tables and write the
    run's in-memory database. The CHECKPOINT names the file's database: the cursors' search_path
    makes the in-memory one their default, where an unnamed CHECKPOINT does nothing. Whatever it
    leaves, the next commit or closing the file writes: only the overlap could be lost, never
    data."""
    threshold, db = conn.execute("SELECT current_setting('checkpoint_threshold'), current_database()").fetchone()
    restore = f"SET checkpoint_threshold = '{threshold}'"
    conn.execute("SET checkpoint_threshold = '1TB'")
    try:
        loaded = load_and_stage(conn, current, previous, references)
    except BaseException:
        _restore(conn, [restore])
        raise
    return Run(conn, ctx, loaded, pending=[Job("checkpoint", 'CHECKPOINT "' + db.replace('"', '""') + '"')],
               restore=[restore])


def derive(run: Run, reads=None, beside=()) -> None:
    """Compute the derived relations ``reads`` names (directly or through each other; None: all)
    that are not there yet, with the run's pending work and the ``beside`` jobs, side by side
    (derived.materialise_duckdb). The pending work is done, or given up, either way."""
    from .derived import materialise_duckdb

    try:
        materialise_duckdb(run.conn, run.ctx, run.load.tables, parallel=True, beside=run.pending + list(beside),
                           wanted=reads)
    finally:
        run.pending = []
        _restore(run.conn, run.restore)
        run.restore = []


def _restore(conn, statements: list[str]) -> None:
    for sql in statements:
        try:
            conn.execute(sql)
        except duckdb.Error:  # after Ctrl+C or a lost database: what stopped the run is what to report
            pass


def prepare(conn, ctx: RuleContext, current: list[Path], previous: list[Path] | None,
            references: dict[str, list[Path]] | None = None, reads=None) -> Run:
    """Load, stage and build the derived relations: everything the rules read. ``reads``: the
    relations the rules to run read (``relations_read``); None computes every derived relation."""
    run = load(conn, ctx, current, previous, references)
    derive(run, reads)
    return run


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
# Ten, not twenty: two batches run at once, one per core, and at twenty the two largest together
# raised the peak at 100k children from about 425 to 451 MiB, for no time gained (ten pairs:
# batches of ten were faster in eight, by a median 0.07 s).
BATCH_SIZE = 10


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


# Flagged rows while the rules run: a table of the run's in-memory database, so the rules, on
# cursors side by side, never write validation.duckdb while the staged tables' checkpoint runs;
# copied into ``main.errors`` when they have all run.
RUN_ERRORS = f"{RUN_DB}.main.errors"


def run_rule(cur, run: Run, rule: Rule) -> RuleResult:
    """One rule alone, as its own INSERT on ``cur`` (a broken rule is reported, never stops the others)."""
    why = skip_reason(rule, run.load.tables.__contains__, run.ctx)
    if why:
        return RuleResult(rule, why)
    t0 = time.perf_counter()
    try:
        sql = rule.sql(run.ctx, "duckdb")
        count = cur.execute(f"INSERT INTO {RUN_ERRORS} " + _flagged_rows(rule.code, sql)).fetchone()[0]
    except Exception as e:
        return RuleResult(rule, _failure(e), seconds=time.perf_counter() - t0)
    return RuleResult(rule, "ran", count, time.perf_counter() - t0)


def run_batch(cur, run: Run, batch: list[tuple[Rule, str]]) -> list[RuleResult]:
    """Rules with their SQL as one INSERT of a UNION ALL on ``cur``, counted with GROUP BY code. If
    the statement fails (nothing of it is written), each rule runs alone, so only a broken one
    fails. Each rule is given an equal share of the batch's time (``--profile`` times them alone)."""
    t0 = time.perf_counter()
    try:
        cur.execute(f"INSERT INTO {RUN_ERRORS} " + "\nUNION ALL\n".join(_flagged_rows(r.code, sql) for r, sql in batch))
        codes = ", ".join("'" + r.code.replace("'", "''") + "'" for r, _ in batch)
        counts = dict(cur.execute(f"SELECT code, COUNT(*) FROM {RUN_ERRORS} WHERE code IN ({codes}) GROUP BY code").fetchall())
    except Exception as e:
        _failure(e)  # raises on Ctrl+C
        return [run_rule(cur, run, r) for r, _ in batch]
    share = (time.perf_counter() - t0) / len(batch)
    return [RuleResult(r, "ran", counts.get(r.code, 0), share) for r, _ in batch]


def _batches(runnable: list[tuple[int, Rule, str]], batch_size: int):
    """The rules as batches, each with the derived relations it waits on and whether it can run on
    a cursor. Rules that read the same derived relations go together, those reading staging alone
    first, so they fill the cores while the relations are computed; a rule reading a TEMP table
    (reference data the user supplied) or what was derived from it runs on the connection itself,
    after the others."""
    from .derived import base_tables, derived_names

    derived = set(derived_names())

    def placed(item):
        rule = item[1]
        on_conn = any(spec_for(t).option for t in base_tables(rule.tables))
        return on_conn, sorted(set(rule.tables) & derived)

    ordered = sorted(((placed(item), item) for item in runnable), key=lambda p: p[0])  # stable: rule order kept
    size = max(1, batch_size)
    for start in range(0, len(ordered), size):
        keys, chunk = zip(*ordered[start:start + size])
        yield list(chunk), frozenset(t for _, reads in keys for t in reads), not any(on_conn for on_conn, _ in keys)


def run_rules(run: Run, rules: list[Rule], on_rule: Callable[[RuleResult], None] | None = None,
              batch_size: int = BATCH_SIZE, beside=()) -> Run:
    """Every rule, in batches on cursors side by side, with the derived relations they and their
    fixes read that are not computed yet, the run's pending work and the ``beside`` jobs
    (validator903.side_by_side.Job): a batch starts once the relations it reads are there.
    Results (and ``on_rule`` calls) come in the order of ``rules``."""
    import threading

    from .dialects import save_cache

    conn = run.conn
    attach_run(conn)
    conn.execute(f"CREATE OR REPLACE TABLE {RUN_ERRORS} {ERRORS_COLUMNS}")
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
    lock = threading.Lock()   # batches finish on the cursors' threads
    reported = 0

    def report_ready() -> None:
        nonlocal reported
        while reported in done:
            run.results.append(done[reported])
            if on_rule:
                on_rule(done[reported])
            reported += 1

    def runner(chunk):
        def call(cur) -> None:
            results = run_batch(cur, run, [(r, sql) for _, r, sql in chunk])
            with lock:
                done.update((i, res) for (i, _, _), res in zip(chunk, results))
                report_ready()
        return call

    with lock:
        report_ready()   # the skipped ones before the first that runs
    on_cursors, on_conn = [], []
    for n, (chunk, reads, shared) in enumerate(_batches(runnable, batch_size)):
        if shared:
            on_cursors.append(Job(f"rule batch {n + 1}", after=reads, call=runner(chunk)))
        else:
            on_conn.append(runner(chunk))
    derive(run, relations_read(rules), beside=list(beside) + on_cursors)
    for call in on_conn:
        call(conn)
    report_ready()
    conn.execute(ERRORS_DDL)
    conn.execute(f"INSERT INTO errors SELECT * FROM {RUN_ERRORS}")
    conn.execute(f"DROP TABLE {RUN_ERRORS}")
    save_cache()
    _record_results(run)
    return run


def _record_results(run: Run) -> None:
    run.conn.execute(CATALOGUE_DDL)
    ordered = sorted(run.results, key=lambda r: code_sort_key(r.rule.code))
    rows = [(r.rule.code, r.rule.name, r.rule.message, ";".join(r.rule.fields), r.status, r.count, i,
             r.rule.source, r.rule.severity) for i, r in enumerate(ordered)]
    insert_rows(run.conn, "rule_results", rows)
