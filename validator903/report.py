"""Report: errors.csv and summary.csv from the errors relation (deterministic, byte-identical
for the same input), plus the console summary."""
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


def write_errors(run: Run, path: Path) -> None:
    target = str(path).replace("'", "''")
    run.conn.execute(f"COPY ({ERRORS_QUERY}) TO '{target}' (FORMAT csv, HEADER true)")
    if not run.flagged:  # COPY of an empty result may omit the header on some versions
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerow(ERRORS_COLUMNS)


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


def console_summary(run: Run, console, top: int = 10) -> None:
    from rich.table import Table

    ran = [r for r in run.results if r.status == "ran"]
    skipped = [r for r in run.results if r.status.startswith("skipped")]
    failed = [r for r in run.results if r.status.startswith("failed")]
    loaded = ", ".join(f"{t.name} {t.rows}" for t in sorted(run.load.tables.values(), key=lambda t: t.name))
    console.print(f"[bold]{run.ctx.year}[/bold] rows loaded: {loaded}")
    console.print(f"Rules: {len(ran)} ran, {len(skipped)} skipped, {len(failed)} failed; "
                  f"[bold]{run.flagged}[/bold] rows flagged in "
                  f"{run.conn.execute('SELECT COUNT(DISTINCT child) FROM errors').fetchone()[0]} children")
    hits = sorted((r for r in ran if r.count), key=lambda r: (-r.count, r.rule.code))[:top]
    if hits:
        t = Table(title=f"Top {len(hits)} rules by rows flagged")
        t.add_column("code")
        t.add_column("rows", justify="right")
        t.add_column("message")
        for r in hits:
            t.add_row(r.rule.code, str(r.count), r.rule.message)
        console.print(t)
    for r in skipped + failed:
        console.print(f"  {r.rule.code}: {r.status}")
