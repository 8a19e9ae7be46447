"""`validate --profile`: the slowest rules, and DuckDB's EXPLAIN ANALYZE plan of each.

Rules run in batches, so the run itself knows only each batch's time: here every rule that ran is
timed again alone (its flagged rows counted, nothing written), and the slowest are listed with
those times, beside the median rule's.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from .engine import Run, _flagged_rows


def time_alone(run: Run, rule) -> float:
    sql = _flagged_rows(rule.code, rule.sql(run.ctx, "duckdb"))
    t0 = time.perf_counter()
    run.conn.execute(f"SELECT COUNT(*) FROM ({sql})").fetchone()
    return time.perf_counter() - t0


def profile_rules(run: Run, console, folder: Path | None, top: int = 10, shown_as: Path | None = None) -> list[tuple[str, float]]:
    from rich.table import Table

    timed = [(r, time_alone(run, r.rule)) for r in run.results if r.status == "ran"]
    median = statistics.median(s for _, s in timed) if timed else 0.0
    ran = sorted(timed, key=lambda x: -x[1])[:top]
    t = Table(title=f"{len(ran)} slowest rules, each timed alone (of {len(run.results)}; all rules "
                    f"{sum(s for _, s in timed):.2f} s alone, {sum(r.seconds for r in run.results):.2f} s "
                    f"batched; median rule {median:.3f} s)")
    t.add_column("code")
    t.add_column("seconds", justify="right")
    t.add_column("× median", justify="right")
    t.add_column("rows", justify="right")
    t.add_column("plan")
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    for r, seconds in ran:
        plan = ""
        if folder is not None:
            rows = run.conn.execute("EXPLAIN ANALYZE " + r.rule.sql(run.ctx, "duckdb")).fetchall()
            path = folder / f"{r.rule.code}.txt"
            path.write_text("\n".join(str(row[-1]) for row in rows), encoding="utf-8")
            plan = str((shown_as or folder) / path.name)
        t.add_row(r.rule.code, f"{seconds:.3f}", f"{seconds / median:.1f}" if median else "", str(r.count), plan)
    console.print(t)
    return [(r.rule.code, seconds) for r, seconds in ran]
