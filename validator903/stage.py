"""Stage: raw all-text tables -> typed relations with canonical, lower-case names.

Codes become trimmed text with blanks as NULL (so '' and NULL are one thing on every engine,
Oracle included); each date column is parsed once with ``ssda_parse_date`` and its original
text kept as ``<col>_raw`` so "not a valid date" rules can tell blank from unparseable.
The SQL is portable and goes through the same dialect layer as the rules.
"""
from __future__ import annotations

from typing import Callable

from .dialects import transpile_cached
from .side_by_side import Job, run_one_by_one, run_side_by_side
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
            cols.append(f"ssda_staged_text(r.{c}) AS {c.lower()}")
    for c in DERIVED.get(spec.name, ()):
        cols.append(f"ssda_staged_text(r.{c}) AS {c.lower()}")
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
                 parallel: bool = False) -> dict[str, int]:
    """Materialise staging tables in the DuckDB ``main`` schema from ``raw`` (each source file is
    parsed here, once). ``on_error`` turns a read failure into the error to raise (the first
    failing table in ``tables`` order). Reference data the user supplies (a 2.7-million-row
    postcode directory) is a TEMP table: the run reads it, but it is not written into
    validation.duckdb, which keeps what was derived from it. ``parallel``: build the tables side by
    side (validator903.side_by_side). Returns each table's row count, which CREATE TABLE AS
    reports (no second scan)."""
    shared, local = [], []
    for t in tables:
        select = transpile_cached(staging_select(t, "v903_raw"), "duckdb")
        select = select.replace("FROM v903_raw AS r", f"FROM {_raw_source(conn, t, tables)} AS r")
        if spec_for(t).option:  # a TEMP table belongs to the connection that made it: built on ``conn``
            local.append(Job(t, f"CREATE OR REPLACE TEMP TABLE {t} AS {select}"))
        else:
            shared.append(Job(t, f"CREATE OR REPLACE TABLE main.{t} AS {select}"))
    created: dict[str, list] = {}
    failed = run_side_by_side(conn, shared, results=created) if parallel else run_one_by_one(conn, shared, created)
    failed = failed or run_one_by_one(conn, local, created)
    if failed is not None:
        if on_error is None:
            raise failed[1]
        raise on_error(*failed) from None
    return {t: rows[0][0] for t, rows in created.items()}
