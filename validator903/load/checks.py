"""Say what looks wrong with a loaded return before it becomes a thousand errors.

The checks share one query per staged table and give at most one warning per file and column
(the values themselves still load as written; nothing is repaired here):

- a date column written in another format (2005-07-07, 07-07-2005, 7/7/05, an Excel date-time
  ``07/07/2005 00:00:00``): the format seen and how to re-export;
- CHILD values in Excel's scientific notation (``1.23E+05``: the real id is lost), or carrying its
  text marker (``'900000``) or a number's ``.0`` (``900000.0``);
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
from ..side_by_side import Job

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


def _staged_columns(conn) -> dict[str, dict[str, str]]:
    """Every staged table's columns and their types, in one query: table -> {column: type}."""
    out: dict[str, dict[str, str]] = {}
    for table, column, dtype in conn.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
            "ORDER BY table_name, column_index").fetchall():
        out.setdefault(table, {})[column] = dtype
    return out


def table_warnings(conn, table: str, cols: dict[str, str], source, file=None) -> list[str]:
    """Every per-table check over one scan: a single query counts what each check needs (filled
    and unparsed dates per column, odd CHILD forms, rows that may hold an invisible character),
    and a check looks closer (which format, which column) only where its count says there is
    something to say. Most returns pass every check, so most tables are read once. ``file``: the
    table's CsvFile, when it came from one, whose text says which checks can find nothing."""
    dates = [(d, f"{d.lower()}_raw", d.lower()) for d in spec_for(table).dates
             if f"{d.lower()}_raw" in cols and d.lower() in cols]
    text = [c for c, dtype in cols.items() if dtype == "VARCHAR"] if file is None or file.may_hide_characters else []
    child_forms = "child" in cols and (file is None or file.may_hold_child_forms)
    probes: list[str] = []
    for _, raw, typed in dates:
        probes += [f"count(*) FILTER (WHERE trim(coalesce({raw}, '')) <> '')",
                   f"count(*) FILTER (WHERE {typed} IS NULL AND trim(coalesce({raw}, '')) <> '')"]
    if child_forms:
        probes += CHILD_PROBES
    if text:  # a value that could hold one: every invisible character but the tab is beyond ASCII
        probes.append(f"count(*) FILTER (WHERE {' OR '.join(_MAYBE_INVISIBLE.format(c=c) for c in text)})")
    if not probes:
        return []
    row = list(conn.execute(f"SELECT {', '.join(probes)} FROM main.{table}").fetchone())
    out = []
    for d, raw, typed in dates:
        filled, bad = row.pop(0), row.pop(0)
        if filled and bad * 2 > filled:   # a whole column, not a few typing slips
            out += _date_format_warning(conn, table, (d, raw, typed), source, filled, bad)
    if child_forms:
        out += _child_warnings(source, *(row.pop(0) for _ in CHILD_PROBES))
    if text and row.pop(0):
        out += _invisible_warnings(conn, table, text, source)
    return out


def _date_format_warning(conn, table: str, column: tuple[str, str, str], source, filled: int, bad: int) -> list[str]:
    """The column's unparsed dates are mostly in one other format: which, with an example."""
    d, raw, typed = column
    cases = ", ".join(f"count(*) FILTER (WHERE regexp_full_match(v, {_lit(rx)})), "
                      f"min(v) FILTER (WHERE regexp_full_match(v, {_lit(rx)}))" for rx, _ in OTHER_DATE_FORMATS)
    row = conn.execute(f"SELECT {cases} FROM (SELECT trim({raw}) AS v FROM main.{table} "
                       f"WHERE {typed} IS NULL AND trim(coalesce({raw}, '')) <> '')").fetchone()
    counts = [(row[2 * i], row[1 + 2 * i], what) for i, (_, what) in enumerate(OTHER_DATE_FORMATS)]
    n, ex, what = max(counts, key=lambda c: c[0])
    if n * 2 <= bad:
        return []
    return [f"{source}: column {d} holds dates as {what.format(ex=ex)}, not dd/mm/yyyy: {bad} of {filled} "
            f"values will be reported as not valid dates; {REEXPORT}"]


# Excel's scientific notation (1.23E+05), its text marker ('900000) and a number's .0 (900000.0);
# contains() spares most ids the regex.
_SCIENTIFIC = "contains(child, 'E+') AND regexp_full_match(child, '[0-9.]+E\\+[0-9]+')"
_NUMBER = "contains(child, '.') AND regexp_full_match(child, '[0-9]+\\.0+')"
CHILD_PROBES = [f"count(*) FILTER (WHERE {_SCIENTIFIC})", f"min(child) FILTER (WHERE {_SCIENTIFIC})",
                "count(*) FILTER (WHERE starts_with(child, ''''))",
                "min(child) FILTER (WHERE starts_with(child, ''''))",
                f"count(*) FILTER (WHERE {_NUMBER})", f"min(child) FILTER (WHERE {_NUMBER})"]


def _child_warnings(source, sci: int, sci_ex: str, apos: int, apos_ex: str, dot: int, dot_ex: str) -> list[str]:
    out = []
    if sci:
        out.append(f"{source}: {sci} CHILD value(s) look like Excel scientific notation (e.g. {sci_ex}): the real "
                   "ids are lost; re-export with CHILD as text")
    if apos:
        out.append(f"{source}: {apos} CHILD value(s) start with an apostrophe (e.g. {apos_ex}): Excel's text marker "
                   "was saved into the file, so they will not match the same child elsewhere; re-export "
                   "with the column formatted as text")
    if dot:
        out.append(f"{source}: {dot} CHILD value(s) end in .0 (e.g. {dot_ex}): the ids were saved as numbers; "
                   "re-export with CHILD formatted as text")
    return out


INVISIBLE_PATTERN = _lit("[" + "".join(INVISIBLE) + "]")
# A value that may hold one of them: a character beyond ASCII (its bytes outnumber its characters)
# or a tab. Half the cost of the pattern over every value; the pattern then says which, where.
_MAYBE_INVISIBLE = "strlen({c}) <> length({c}) OR contains({c}, chr(9))"


def _invisible_warnings(conn, table: str, text: list[str], source) -> list[str]:
    """Which columns hold the invisible characters, and the first such value of each."""
    exprs = ", ".join(f"min(row_no) FILTER (WHERE regexp_matches({c}, {INVISIBLE_PATTERN})), "
                      f"count(*) FILTER (WHERE regexp_matches({c}, {INVISIBLE_PATTERN}))" for c in text)
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


def year_warnings(conn, tables: list[str], columns: dict[str, dict[str, str]], year: CollectionYear) -> list[str]:
    """This year's dates (episodes, reviews, missing, …, not birth dates) all before the year, or
    many after its end: the return of another year, or the wrong --year."""
    parts = []
    for t in tables:
        if t.endswith(LAST_SUFFIX):
            continue
        cols = columns[t]
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


def warning_jobs(run) -> list[Job]:
    """The checks as jobs for side_by_side (engine.run_rules runs them beside the rules): one scan
    per staged table of the return (reference data, la_codes and postcodes, is not the council's
    to fix), then one that adds their warnings to ``run.load.warnings``, in table order, with the
    dates' check over the whole return."""
    conn = run.conn
    columns = _staged_columns(conn)
    tables = [t for t in run.load.tables if t in columns and not is_reference(t)]
    found: dict[str, list[str]] = {}

    def scan(table: str):
        def call(cur) -> None:
            loaded = run.load.tables[table]
            found[table] = table_warnings(cur, table, columns[table], loaded.source, loaded.file)
        return call

    def gather(cur) -> None:
        run.load.warnings += [w for t in tables for w in found[t]]
        run.load.warnings += year_warnings(cur, tables, columns, run.ctx.year)

    scans = [Job(f"checks of {t}", call=scan(t)) for t in tables]
    return scans + [Job("checks", after=frozenset(j.name for j in scans), call=gather)]
