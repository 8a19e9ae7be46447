"""Report: errors.csv and summary.csv from the errors relation (deterministic, byte-identical
for the same input)."""
from __future__ import annotations

import csv
from pathlib import Path

from .engine import Run

ERRORS_COLUMNS = ("code", "table", "row", "child", "message", "fields")
SUMMARY_COLUMNS = ("code", "message", "count", "status")

ERRORS_QUERY = """
SELECT e.code, e.table_name AS "table", e.row_no AS "row", e.child, r.message, r.fields
FROM errors AS e JOIN rule_results AS r ON r.code = e.code
ORDER BY r.sort_order, e.table_name, e.row_no, e.child
"""


def copy_csv(conn, query: str, path: Path, header: tuple[str, ...]) -> None:
    """Write a query's rows to ``path`` with DuckDB's COPY, header always included."""
    target = str(path).replace("'", "''")
    conn.execute(f"COPY ({query}) TO '{target}' (FORMAT csv, HEADER true)")
    with open(path, encoding="utf-8") as f:
        empty = not f.readline()
    if empty:  # COPY of an empty result may omit the header on some versions
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerow(header)


def write_errors(run: Run, path: Path) -> None:
    copy_csv(run.conn, ERRORS_QUERY, path, ERRORS_COLUMNS)


def write_summary(run: Run, path: Path) -> None:
    rows = run.conn.execute("SELECT code, message, count, status FROM rule_results ORDER BY sort_order").fetchall()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(SUMMARY_COLUMNS)
        w.writerows(rows)


def write_outputs(run: Run, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    errors, summary = out / "errors.csv", out / "summary.csv"
    write_errors(run, errors)
    write_summary(run, summary)
    return [errors, summary]
