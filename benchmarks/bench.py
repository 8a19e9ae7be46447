#!/usr/bin/env python3
"""Benchmark validator903 on synthetic councils of 1k, 10k and 100k children with last year's data.

    python benchmarks/bench.py [--sizes 1000,10000,100000] [--runs 3] [--year 2025/26] [--work DIR]

For each size it prints the median whole-process wall time of `validator903 validate` (with
--output, so validation.duckdb is written too) and without --output, the peak RSS of that process,
the rows flagged, and the floor: the time DuckDB alone takes to read the same CSVs (into memory,
and into a database file), with our ratio to it. Then the time `compile` takes for each dialect.
Figures are printed, not asserted: targets live in the README and the issue notes.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "validator903"]

# Runs a command and reports its wall time and peak RSS (of that command alone) as JSON.
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mib": rss, "rc": p.returncode, "err": p.stderr[-300:]}))
"""

FLOOR = r"""
import duckdb, glob, os, sys, time
target = sys.argv[1]
if target != ':memory:' and os.path.exists(target):
    os.remove(target)
files = sorted(glob.glob(sys.argv[2] + '/*.csv') + glob.glob(sys.argv[3] + '/*.csv'))
t = time.perf_counter()
c = duckdb.connect(target)
for i, f in enumerate(files):
    c.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{f}', all_varchar=true)")
c.close()
print(time.perf_counter() - t)
"""


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {result['err']}")
    return result


def floor(cur: Path, prev: Path, target: str, runs: int) -> float:
    times = [float(subprocess.run([sys.executable, "-c", FLOOR, target, str(cur), str(prev)],
                                  capture_output=True, text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--year", default="2025/26")
    ap.add_argument("--work", type=Path, default=None, help="keep generated data here (default: a temp dir)")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="v903bench_"))
    print(f"{'children':>9} {'validate s':>10} {'no-db s':>8} {'peak MiB':>9} {'flagged':>9} "
          f"{'floor mem s':>11} {'ratio':>6} {'floor db s':>10} {'ratio':>6}")
    for n in (int(x) for x in a.sizes.split(",")):
        cur, prev, out = work / f"{n}" / "current", work / f"{n}" / "previous", work / f"{n}" / "out"
        if not (cur / "header.csv").exists():
            subprocess.run(CLI + ["synth", "--children", str(n), "--year", a.year, "--seed", "1",
                                  "--out", str(cur), "--previous", str(prev)], check=True, capture_output=True)
        base = CLI + ["validate", str(cur), "--previous", str(prev), "--year", a.year, "--la", "352", "-q"]
        with_db = [measure(base + ["--output", str(out)]) for _ in range(a.runs)]
        no_db = [measure(base) for _ in range(a.runs)]
        wall = statistics.median(r["wall"] for r in with_db)
        wall_mem = statistics.median(r["wall"] for r in no_db)
        rss = max(r["rss_mib"] for r in with_db + no_db)
        flagged = sum(1 for _ in open(out / "errors.csv", encoding="utf-8")) - 1
        f_mem = floor(cur, prev, ":memory:", a.runs)
        f_db = floor(cur, prev, str(work / "floor.duckdb"), a.runs)
        print(f"{n:>9} {wall:>10.2f} {wall_mem:>8.2f} {rss:>9.0f} {flagged:>9} "
              f"{f_mem:>11.2f} {wall_mem / f_mem:>6.1f} {f_db:>10.2f} {wall / f_db:>6.1f}", flush=True)
    print("\ncompile (all rules, one year):")
    for d in ("duckdb", "postgres", "tsql", "oracle"):
        t = time.perf_counter()
        subprocess.run(CLI + ["compile", "--dialect", d, "--year", a.year, "--source-schema", "dbo", "--out", str(work / "compile" / d)],
                       check=True, capture_output=True)
        print(f"  {d:<9} {time.perf_counter() - t:.2f} s (whole process)")
    print(f"\ndata and outputs in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
