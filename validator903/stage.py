"""Stage: raw all-text tables -> typed relations with canonical, lower-case names.

Codes become trimmed text with blanks as NULL (so '' and NULL are one thing on every engine,
Oracle included); each date column is parsed once with ``ssda_parse_date`` and its original
text kept as ``<col>_raw`` so "not a valid date" rules can tell blank from unparseable.
The SQL is portable and goes through the same dialect layer as the rules.
"""
from __future__ import annotations

from typing import Callable

from .dialects import transpile_cached
from .tables import DERIVED, spec_for


def staging_select(table: str, source: str, typed_dates: set[str] = frozenset()) -> str:
    """Portable SELECT that stages ``table`` (canonical name, maybe _last) from ``source``.
    ``typed_dates`` are source columns that are already DATEs (warehouse tables): they pass
    through, and their text form is kept as <col>_raw."""
    spec = spec_for(table)
    cols = ["r.row_no AS row_no"]
    if spec.staged:  # reference data: its own canonical columns over the source file's
        return "SELECT " + ", ".join(cols + [f"{expr} AS {name}" for name, _, expr in spec.staged]) + f" FROM {source} AS r"
    for c in spec.columns:
        if c in typed_dates:
            cols.append(f"r.{c} AS {c.lower()}")
            cols.append(f"ssda_format_date(r.{c}) AS {c.lower()}_raw")
        elif c in spec.dates:
            cols.append(f"ssda_parse_date(r.{c}) AS {c.lower()}")
            cols.append(f"r.{c} AS {c.lower()}_raw")
        else:
            cols.append(f"NULLIF(ssda_trim(r.{c}), '') AS {c.lower()}")
    for c in DERIVED.get(spec.name, ()):
        cols.append(f"NULLIF(ssda_trim(r.{c}), '') AS {c.lower()}")
    return "SELECT " + ", ".join(cols) + f" FROM {source} AS r"


def _raw_source(conn, table: str, tables: list[str]) -> str:
    """The raw relation of ``table``; for a header without a UASC column (a CSV return), with
    UASC derived as DfE does: '1' when the child has a row in the UASC table."""
    if spec_for(table).name != "header":
        return f"raw.{table}"
    cols = {r[0].upper() for r in conn.execute(f"DESCRIBE raw.{table}").fetchall()}
    if "UASC" in cols:  # XML: the flag is native
        return f"raw.{table}"
    uasc = "uasc" + table[len("header"):]
    # ids compared as staging will hold them (spaces around them trimmed), or '103152 ' in uasc.csv
    # would leave header child 103152 without its flag
    flag = (f"CASE WHEN TRIM(h.CHILD, ' ') IN (SELECT TRIM(u.CHILD, ' ') FROM raw.{uasc} AS u "
            "WHERE u.CHILD IS NOT NULL) THEN '1' ELSE '0' END" if uasc in tables else "CAST(NULL AS VARCHAR)")
    return f"(SELECT h.*, {flag} AS UASC FROM raw.{table} AS h)"


def stage_duckdb(conn, tables: list[str], on_error: Callable[[str, Exception], Exception] | None = None,
                 parallel: bool = False) -> None:
    """Materialise staging tables in the DuckDB ``main`` schema from ``raw`` (each source file is
    parsed here, once). ``on_error`` turns a read failure into the error to raise (the first
    failing table in ``tables`` order). Reference data the user supplies (a 2.7-million-row
    postcode directory) is a TEMP table: the run reads it, but it is not written into
    validation.duckdb, which keeps what was derived from it. ``parallel``: build the tables side by
    side (see _build_side_by_side)."""
    jobs = []
    for t in tables:
        select = transpile_cached(staging_select(t, "v903_raw"), "duckdb")
        select = select.replace("FROM v903_raw AS r", f"FROM {_raw_source(conn, t, tables)} AS r")
        target = f"TEMP TABLE {t}" if spec_for(t).option else f"TABLE main.{t}"
        jobs.append((t, f"CREATE OR REPLACE {target} AS {select}"))
    # a TEMP table belongs to the connection that made it: those are built on ``conn`` itself
    local = [j for j in jobs if not parallel or j[1].startswith("CREATE OR REPLACE TEMP")]
    shared = [j for j in jobs if j not in local]
    failed = _build_side_by_side(conn, shared) if shared else None
    for t, sql in local if failed is None else ():
        try:
            conn.execute(sql)
        except Exception as e:
            failed = (t, e)
            break
    if failed is not None:
        if on_error is None:
            raise failed[1]
        raise on_error(*failed) from None


def _build_side_by_side(conn, jobs: list[tuple[str, str]]) -> tuple[str, Exception] | None:
    """Run the CREATE statements on as many cursors as DuckDB has threads, each query on one
    thread: most of staging is writing the tables, which one query does on one thread however
    many it is given (100k children: 1.7 s one after another, 1.0 s two at a time on 2 cores).
    Returns the first job in order that failed, with its exception; jobs after a failure are not
    started. Ctrl+C interrupts every query and is raised once they have stopped."""
    import threading

    threads_before = int(conn.execute("SELECT current_setting('threads')").fetchone()[0])
    width = min(4, len(jobs), threads_before)
    conn.execute("SET threads = 1")
    cursors = [conn.cursor() for _ in range(width)]
    lock, todo, failures = threading.Lock(), iter(enumerate(jobs)), {}

    def work(cur) -> None:
        while True:
            with lock:
                if failures:
                    return
                i, (table, sql) = next(todo, (None, (None, None)))
            if table is None:
                return
            try:
                cur.execute(sql)
            except BaseException as e:  # noqa: BLE001 - handed to the caller
                with lock:
                    failures[i] = (table, e)

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in cursors]
    try:
        for th in threads:
            th.start()
        for th in threads:
            while th.is_alive():
                th.join(0.1)  # a plain join would not let Ctrl+C through
    except KeyboardInterrupt:
        with lock:
            failures[-1] = ("", KeyboardInterrupt())
        for c in cursors:
            c.interrupt()
        for th in threads:
            th.join()
        raise
    finally:
        for c in cursors:
            c.close()
        conn.execute(f"SET threads = {threads_before}")
    return failures[min(failures)] if failures else None
