#!/usr/bin/env python3
"""Time each report writer on a synthetic council (default 10,000 children with last year's data).

    python benchmarks/bench_reports.py [--children 10000] [--runs 3] [--work DIR]

Validates once, then times gathering the report data (with --compare-with an earlier run of the
same data) and writing each format, in process; prints the median of --runs and the file sizes.
Figures are printed, not asserted: the target (report.xlsx under 10 s for 10,000 children) is in
the README.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--children", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--year", default="2025/26")
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="v903_bench_reports_"))
    cur, prev, earlier, out = work / "cur", work / "prev", work / "earlier", work / "out"
    cli = [sys.executable, "-m", "validator903"]
    subprocess.run(cli + ["synth", "--children", str(a.children), "--year", a.year, "--seed", "1",
                          "--out", str(cur), "--previous", str(prev)], check=True, capture_output=True)
    subprocess.run(cli + ["validate", str(cur), "--previous", str(prev), "--year", a.year, "--output", str(earlier),
                          "-q"], check=True, capture_output=True)

    from validator903 import engine
    from validator903.context import CollectionYear, RuleContext
    from validator903.reports.by_social_worker import write_by_social_worker
    from validator903.reports.csv_report import write_csv
    from validator903.reports.data import gather, snapshot_previous
    from validator903.reports.html_report import write_html
    from validator903.reports.json_report import write_json
    from validator903.reports.xlsx_report import write_xlsx
    from validator903.rules import rules_for_year

    ctx = RuleContext(CollectionYear.parse(a.year))
    out.mkdir(parents=True, exist_ok=True)
    conn = engine.open_db(out / "validation.duckdb")
    run = engine.prepare(conn, ctx, [cur], [prev])
    engine.run_rules(run, rules_for_year(ctx.year))
    copy = snapshot_previous(earlier)
    steps = {
        "gather (with --compare-with)": lambda: gather(run, copy, earlier),
    }
    data = gather(run, copy, earlier)
    steps.update({
        "csv (+ errors_compared, fixed)": lambda: write_csv(data, out),
        "report.xlsx": lambda: write_xlsx(data, out / "report.xlsx"),
        "report.html": lambda: write_html(data, out / "report.html"),
        "errors.json": lambda: write_json(data, out / "errors.json"),
        "by social worker": lambda: write_by_social_worker(data, out / "sw"),
    })
    rows = conn.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
    cells = sum(conn.execute(f"SELECT COUNT(*) * (SELECT COUNT(*) FROM duckdb_columns() WHERE table_name = '{t}' "
                             f"AND column_name NOT LIKE '%\\_raw' ESCAPE '\\' AND database_name = current_database()) "
                             f"FROM {t}").fetchone()[0] for t in run.load.tables)
    print(f"{a.children} children, {sum(t.rows for t in run.load.tables.values())} rows in "
          f"{len(run.load.tables)} tables (~{cells:,} cells), {rows} errors; median of {a.runs} runs:")
    for name, step in steps.items():
        times = []
        for _ in range(a.runs):
            t = time.perf_counter()
            step()
            times.append(time.perf_counter() - t)
        print(f"  {name:32s} {statistics.median(times):6.2f} s   (runs: {', '.join(f'{x:.2f}' for x in times)})")
    for f in ("report.xlsx", "report.html", "errors.json"):
        print(f"  {f:32s} {(out / f).stat().st_size / 1e6:6.1f} MB")
    conn.close()


if __name__ == "__main__":
    main()
