"""--format csv: errors.csv and summary.csv (their columns are a contract), and with
--compare-with two more files beside them:

errors_compared.csv
    errors.csv's rows in the same order, plus ``values``, ``locator`` and ``status`` (new/open).
fixed.csv
    the earlier run's errors that this run no longer flags (``row`` is the row in that run).

Every CSV the tool writes goes through ``safe_rows`` or ``copy_csv``: a cell that a spreadsheet
would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written
with a leading apostrophe, as OWASP advises against CSV injection. Only text cells: numbers
such as a negative count are never touched, and no real 903 value starts with those characters.
"""
from __future__ import annotations

import csv
from pathlib import Path

ERRORS_COLUMNS = ("code", "table", "row", "child", "message", "fields")
SUMMARY_COLUMNS = ("code", "message", "count", "status")
COMPARED_COLUMNS = ERRORS_COLUMNS + ("values", "locator", "status")
FIXED_COLUMNS = ERRORS_COLUMNS + ("values", "locator")

ERRORS_QUERY = """
SELECT e.code, e.table_name AS "table", e.row_no AS "row", e.child, r.message, r.fields
FROM errors AS e JOIN rule_results AS r ON r.code = e.code
ORDER BY r.sort_order, e.table_name, e.row_no, e.child
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """OWASP's CSV-injection defence for one cell: text a spreadsheet would evaluate gets a ' first."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_rows(rows):
    for row in rows:
        yield [neutralise(v) for v in row]


def _sql_neutralise(column: str) -> str:
    """The same rule as ``neutralise`` inside DuckDB, for a text column of a COPY."""
    return (f"CASE WHEN left({column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
            f"THEN '''' || {column} ELSE {column} END")


def copy_csv(conn, query: str, path: Path, header: tuple[str, ...]) -> None:
    """Write a query's rows to ``path`` with DuckDB's COPY, header always included, every text
    cell neutralised."""
    types = conn.execute(f"DESCRIBE ({query})").fetchall()
    cols = ", ".join(_sql_neutralise(f'q."{name}"') + f' AS "{name}"' if str(typ).upper() == "VARCHAR"
                     else f'q."{name}"' for name, typ, *_ in types)
    target = str(path).replace("'", "''")
    conn.execute(f"COPY (SELECT {cols} FROM ({query}) AS q) TO '{target}' (FORMAT csv, HEADER true)")
    with open(path, encoding="utf-8") as f:
        empty = not f.readline()
    if empty:  # COPY of an empty result may omit the header on some versions
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerow(header)


def write_rows(path: Path, header, rows) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(safe_rows(rows))
    return path


def write_csv(data, out: Path) -> list[Path]:
    conn = data.db  # errors.csv and summary.csv need no per-row values: nothing more is built for them
    errors, summary = out / "errors.csv", out / "summary.csv"
    copy_csv(conn, ERRORS_QUERY, errors, ERRORS_COLUMNS)
    write_rows(summary, SUMMARY_COLUMNS,
               conn.execute("SELECT code, message, count, status FROM rule_results ORDER BY sort_order").fetchall())
    written = [errors, summary]
    if data.compared_with is None:
        return written
    conn = data.conn
    compared, fixed = out / "errors_compared.csv", out / "fixed.csv"
    copy_csv(conn, 'SELECT code, table_name AS "table", row_no AS "row", child, message, fields, '
             'vals AS "values", locator, status FROM report_errors ORDER BY eid', compared, COMPARED_COLUMNS)
    copy_csv(conn, 'SELECT code, table_name AS "table", row_no AS "row", child, message, fields, '
             'vals AS "values", locator FROM report_fixed '
             'ORDER BY sort_order, table_name, row_no, child', fixed, FIXED_COLUMNS)
    return written + [compared, fixed]
