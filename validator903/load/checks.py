"""Say what looks wrong with a loaded return before it becomes a thousand errors.

Each check is one query over the staged tables and gives at most one warning per file and column
(the values themselves still load as written; nothing is repaired here):

- a date column written in another format (2005-07-07, 07-07-2005, 7/7/05, an Excel date-time
  ``07/07/2005 00:00:00``): the format seen and how to re-export;
- CHILD values carrying Excel's text marker (``'900000``) or a number's ``.0`` (``900000.0``);
- non-breaking spaces and other invisible characters inside values (reports show them as
  ``[nbsp]`` and the like, reports/data.py);
- ``--previous`` naming the current year's files, and data whose dates lie outside ``--year``.
"""
from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from ..context import CollectionYear
from ..tables import LAST_SUFFIX, is_reference, spec_for

# (regex over the trimmed text, what it is, how to fix it)
OTHER_DATE_FORMATS = (
    (r"\d{4}-\d{1,2}-\d{1,2}", "yyyy-mm-dd (e.g. {ex})"),
    (r"\d{1,2}-\d{1,2}-\d{4}", "dd-mm-yyyy with dashes (e.g. {ex})"),
    (r"\d{1,2}\.\d{1,2}\.\d{4}", "dd.mm.yyyy with dots (e.g. {ex})"),
    (r"\d{1,2}/\d{1,2}/\d{2}", "a two-digit year (e.g. {ex})"),
    (r"\d{1,2}/\d{1,2}/\d{4}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", "a date and time, as Excel writes a date-time cell "
                                                              "(e.g. {ex})"),
    (r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", "a date and time (e.g. {ex})"),
    (r"\d{5}(\.\d+)?", "Excel's serial day numbers (e.g. {ex})"),
)
REEXPORT = ("re-export the column as text dd/mm/yyyy (in Excel: Format Cells > Custom > dd/mm/yyyy, then "
            "save as CSV UTF-8)")
# Characters that look like nothing, or like a plain space, in a report.
INVISIBLE = {"\u00a0": "non-breaking space", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
             "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "byte-order mark",
             "\u202f": "narrow non-breaking space", "\u2007": "figure space", "\u00ad": "soft hyphen",
             "\t": "tab"}


def same_inputs(current: list[Path], previous: list[Path] | None) -> list[str]:
    if not previous:
        return []
    cur = {os.path.realpath(p) for p in current}
    return [f"--previous {p} is the same as the current year's input: last year's tables would be this year's"
            for p in previous if os.path.realpath(p) in cur]


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _staged_columns(conn, table: str) -> list[str]:
    return [c for (c,) in conn.execute("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                                       "AND table_name = ? ORDER BY column_index", [table]).fetchall()]


def date_format_warnings(conn, table: str, source) -> list[str]:
    """A date column whose values are mostly in one other format."""
    spec = spec_for(table)
    cols = _staged_columns(conn, table)
    out = []
    for d in spec.dates:
        raw, typed = f"{d.lower()}_raw", d.lower()
        if raw not in cols or typed not in cols:
            continue
        cases = ", ".join(f"count(*) FILTER (WHERE regexp_full_match(v, {_lit(rx)})), "
                          f"min(v) FILTER (WHERE regexp_full_match(v, {_lit(rx)}))" for rx, _ in OTHER_DATE_FORMATS)
        row = conn.execute(f"SELECT count(*), {cases} FROM (SELECT trim({raw}) AS v FROM main.{table} "
                           f"WHERE {typed} IS NULL AND trim(coalesce({raw}, '')) <> '') "
                           ).fetchone()
        filled = conn.execute(f"SELECT count(*) FROM main.{table} WHERE trim(coalesce({raw}, '')) <> ''").fetchone()[0]
        bad = row[0]
        if not filled or bad * 2 <= filled:   # a whole column, not a few typing slips
            continue
        counts = [(row[1 + 2 * i], row[2 + 2 * i], what) for i, (_, what) in enumerate(OTHER_DATE_FORMATS)]
        n, ex, what = max(counts, key=lambda c: c[0])
        if n * 2 <= bad:
            continue
        out.append(f"{source}: column {d} holds dates as {what.format(ex=ex)}, not dd/mm/yyyy: {bad} of {filled} "
                   f"values will be reported as not valid dates; {REEXPORT}")
    return out


def child_warnings(conn, table: str, source) -> list[str]:
    apos, apos_ex, dot, dot_ex = conn.execute(
        "SELECT count(*) FILTER (WHERE starts_with(child, '''')), min(child) FILTER (WHERE starts_with(child, '''')), "
        "count(*) FILTER (WHERE regexp_full_match(child, '[0-9]+\\.0+')), "
        f"min(child) FILTER (WHERE regexp_full_match(child, '[0-9]+\\.0+')) FROM main.{table}").fetchone()
    out = []
    if apos:
        out.append(f"{source}: {apos} CHILD value(s) start with an apostrophe (e.g. {apos_ex}): Excel's text marker "
                   "was saved into the file, so they will not match the same child elsewhere; re-export "
                   "with the column formatted as text")
    if dot:
        out.append(f"{source}: {dot} CHILD value(s) end in .0 (e.g. {dot_ex}): the ids were saved as numbers; "
                   "re-export with CHILD formatted as text")
    return out


def invisible_warnings(conn, table: str, source) -> list[str]:
    cols = [c for c in _staged_columns(conn, table) if c != "row_no"]
    types = dict(conn.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                              "AND table_name = ?", [table]).fetchall())
    text = [c for c in cols if types.get(c) == "VARCHAR"]
    if not text:
        return []
    chars = "".join(INVISIBLE)
    pattern = _lit("[" + chars + "]")
    exprs = ", ".join(f"min(row_no) FILTER (WHERE regexp_matches({c}, {pattern})), "
                      f"count(*) FILTER (WHERE regexp_matches({c}, {pattern}))" for c in text)
    row = conn.execute(f"SELECT {exprs} FROM main.{table}").fetchone()
    out = []
    for i, c in enumerate(text):
        first, n = row[2 * i], row[2 * i + 1]
        if not n:
            continue
        value = conn.execute(f"SELECT {c} FROM main.{table} WHERE row_no = ?", [first]).fetchone()[0]
        kinds = sorted({INVISIBLE[ch] for ch in value if ch in INVISIBLE})
        name = c.upper().removesuffix("_RAW")
        out.append(f"{source}: {n} {name} value(s) hold a {' and a '.join(kinds)} (first at row {first}: "
                   f"{show_invisible(value)!r}); it looks like a space, or like nothing, but codes will not match")
    return out


def show_invisible(value: str) -> str:
    """The value with each invisible character written out, e.g. ``M[nbsp]``."""
    return "".join(f"[{_short(INVISIBLE[ch])}]" if ch in INVISIBLE else ch for ch in value)


def _short(name: str) -> str:
    return {"non-breaking space": "nbsp", "zero-width space": "zwsp", "byte-order mark": "bom", "tab": "tab",
            "narrow non-breaking space": "nnbsp", "soft hyphen": "shy"}.get(name, name.replace(" ", "-"))


def _year_of(d: date) -> CollectionYear:
    return CollectionYear(d.year if d >= date(d.year, 4, 1) else d.year - 1)


def year_warnings(conn, tables: list[str], year: CollectionYear) -> list[str]:
    """This year's dates (episodes, reviews, missing, …, not birth dates) all before the year, or
    many after its end: the return of another year, or the wrong --year."""
    parts = []
    for t in tables:
        if t.endswith(LAST_SUFFIX):
            continue
        cols = _staged_columns(conn, t)
        for d in spec_for(t).dates:
            if d in ("DOB", "MC_DOB") or d.lower() not in cols:
                continue
            parts.append(f"SELECT {d.lower()} AS d FROM main.{t} WHERE {d.lower()} IS NOT NULL")
    if not parts:
        return []
    # the 99th percentile, not the latest date: one mistyped 2032 must not hide the rest
    n, after, hi = conn.execute(f"SELECT count(*), count(*) FILTER (WHERE d > DATE '{year.end.isoformat()}'), "
                                f"quantile_disc(d, 0.99) FROM ({' UNION ALL '.join(parts)})").fetchone()
    if not n:
        return []
    if hi < year.start:
        return [f"--year {year}: the dates in the return end before {year.start:%d/%m/%Y} (99% are on or before "
                f"{hi:%d/%m/%Y}); is this the {_year_of(hi)} return?"]
    if after * 20 > n:  # more than 5%: not a few typing slips
        return [f"--year {year}: {after} of {n} dates in the return lie after {year.end:%d/%m/%Y}, the end of the "
                f"year (99% are on or before {hi:%d/%m/%Y}); is this the {_year_of(hi)} return?"]
    return []


def run_warnings(run) -> list[str]:
    conn = run.conn
    out = []
    staged = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    # the return's tables: reference data (la_codes, postcodes) is not the council's to fix
    tables = [t for t in run.load.tables if t in staged and not is_reference(t)]
    for t in tables:
        source = run.load.tables[t].source
        out += date_format_warnings(conn, t, source)
        out += child_warnings(conn, t, source)
        out += invisible_warnings(conn, t, source)
    out += year_warnings(conn, tables, run.ctx.year)
    return out
