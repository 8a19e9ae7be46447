"""`validate --profile`: the slowest rules, and DuckDB's EXPLAIN ANALYZE plan of each."""
from __future__ import annotations

from pathlib import Path

from .engine import Run


def profile_rules(run: Run, console, folder: Path | None, top: int = 10, shown_as: Path | None = None) -> list[tuple[str, float]]:
    from rich.table import Table

    ran = sorted((r for r in run.results if r.status == "ran"), key=lambda r: -r.seconds)[:top]
    t = Table(title=f"{len(ran)} slowest rules (of {len(run.results)}; all rules "
                    f"{sum(r.seconds for r in run.results):.2f} s)")
    t.add_column("code")
    t.add_column("seconds", justify="right")
    t.add_column("rows", justify="right")
    t.add_column("plan")
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    for r in ran:
        plan = ""
        if folder is not None:
            rows = run.conn.execute("EXPLAIN ANALYZE " + r.rule.sql(run.ctx, "duckdb")).fetchall()
            path = folder / f"{r.rule.code}.txt"
            path.write_text("\n".join(str(row[-1]) for row in rows), encoding="utf-8")
            plan = str((shown_as or folder) / path.name)
        t.add_row(r.rule.code, f"{r.seconds:.3f}", str(r.count), plan)
    console.print(t)
    return [(r.rule.code, r.seconds) for r in ran]
