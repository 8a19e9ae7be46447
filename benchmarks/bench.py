#!/usr/bin/env python3
"""Benchmark validator903 on synthetic councils of 10k and 100k children with last year's data.

    python benchmarks/bench.py [--sizes 10000,100000] [--runs 3] [--report-runs 1] [--peer-runs 1]
                               [--year 2025/26] [--work DIR] [--compile]

For each size, in rounds so that every figure of a round meets the same load on a shared machine
(paired runs; medians over the rounds), it measures whole processes:

- ``validate --output`` (csv, so validation.duckdb is written too) and ``validate`` without output;
- the floors: DuckDB alone reading the same CSVs as text, into a database file and into memory,
  and the ratios (with output / into a file, without / into memory);
- peak RSS, and the CPU time (user + system) of each process, floors included: a busy machine
  stretches wall time several-fold but CPU time much less, so the CPU ratios are the steadier ones;
- the report run, ``--format xlsx,html``, against the csv run of the same round;
- the peer (csc-validator-be-903, when installed by ../shared/parity/setup_peer.sh under
  ~/.cache/validator903-peer) on the rules both tools have, paired with ours on the same rules.

The load average before and after each size is printed: the figures mean little without it.
Targets (issue 16): with output at most 1.5x the file floor at 100k, under 500 MiB; 10k under 2 s;
xlsx,html at most 3x the csv run and under 800 MiB. Printed, not asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "validator903"]
PEER_PYTHON = Path.home() / ".cache" / "validator903-peer" / "bin" / "python"
PEER_SCRIPTS = [ROOT.parent / "shared" / "parity" / "run_peer.py", ROOT.parent.parent / "shared" / "parity" / "run_peer.py"]

# Runs a command and reports its wall time, peak RSS and CPU time (of that command alone) as JSON.
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "rss_mib": u.ru_maxrss / 1024, "cpu": u.ru_utime + u.ru_stime,
                  "rc": p.returncode, "err": p.stderr[-300:]}))
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
    out = subprocess.run([sys.executable, "-c", MEASURE, *map(str, cmd)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} failed: {result['err']}")
    return result


def floor(cur: Path, prev: Path, target: str) -> dict:
    """The floor as a whole process too (wall, CPU), like our runs: interpreter and duckdb import included."""
    return measure([sys.executable, "-c", FLOOR, target, cur, prev])


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def med(runs: list[dict], key: str = "wall") -> float:
    return statistics.median(r[key] for r in runs)


def spread(runs: list[dict]) -> str:
    walls = [r["wall"] for r in runs]
    return f"{min(walls):.2f}-{max(walls):.2f}" if len(walls) > 1 else ""


def peer_script() -> Path | None:
    if not PEER_PYTHON.exists():
        return None
    return next((p for p in PEER_SCRIPTS if p.exists()), None)


def common_rules(year: str) -> list[str]:
    """The codes of the year that both we and the peer have."""
    ours = subprocess.run(CLI + ["rules", "--year", year, "--format", "csv"], capture_output=True, text=True, check=True)
    codes = [line.split(",", 1)[0] for line in ours.stdout.splitlines()[1:] if line]
    end = str(int(year[:4]) + 1)
    theirs = subprocess.run([str(PEER_PYTHON), "-c", "from lac_validator.rules.ruleset_utils import get_year_ruleset; "
                             f"print(','.join(get_year_ruleset('{end}')))"], capture_output=True, text=True, check=True)
    peer = set(theirs.stdout.strip().split(","))
    return [c for c in codes if c in peer]


def row(label: str, runs: list[dict], note: str = "") -> None:
    print(f"  {label:<34} {med(runs):>8.2f} s {spread(runs):>12} {med(runs, 'cpu'):>8.2f} s "
          f"{max(r['rss_mib'] for r in runs):>8.0f}   {note}", flush=True)


def bench_size(n: int, a, work: Path, peer: Path | None, codes: list[str]) -> None:
    cur, prev = work / f"{n}" / "current", work / f"{n}" / "previous"
    if not (cur / "header.csv").exists():
        subprocess.run(CLI + ["synth", "--children", str(n), "--year", a.year, "--seed", "1",
                              "--out", str(cur), "--previous", str(prev)], check=True, capture_output=True)
    rows = sum(sum(1 for _ in open(f, encoding="utf-8")) - 1 for d in (cur, prev) for f in d.glob("*.csv"))
    base = CLI + ["validate", str(cur), "--previous", str(prev), "--year", a.year, "--la", "352", "-q"]
    out = work / f"{n}" / "out"
    print(f"\n{n:,} children with last year ({rows:,} rows); load average {load()} (1/5/15 min) at the start")
    with_db, no_db, f_db, f_mem, reports, csv_paired, peer_runs, ours_same = [], [], [], [], [], [], [], []
    for i in range(a.runs):
        with_db.append(measure(base + ["--output", out]))
        no_db.append(measure(base))
        f_db.append(floor(cur, prev, str(work / "floor.duckdb")))
        f_mem.append(floor(cur, prev, ":memory:"))
        if i < a.report_runs:
            reports.append(measure(base + ["--output", work / f"{n}" / "out_reports", "--format", "xlsx,html"]))
            csv_paired.append(with_db[-1])
        if peer and i < a.peer_runs:
            peer_runs.append(measure([PEER_PYTHON, peer, "--year", a.year, "--current", cur, "--previous", prev,
                                      "--la-code", "E08000003", "--mode", "sorted", "--rules", ",".join(codes),
                                      "--out", work / f"{n}" / "peer_errors.csv"]))
            ours_same.append(measure(base + ["--rules", ",".join(codes)]))
    flagged = sum(1 for _ in open(out / "errors.csv", encoding="utf-8")) - 1
    print(f"  {'':<34} {'median':>8}   {'range':>12} {'CPU':>8}   {'peak MiB':>8}")
    row("floor: DuckDB reads into a file", f_db)
    row("floor: DuckDB reads into memory", f_mem)
    row("validate --output", with_db, f"{med(with_db) / med(f_db):.1f}x the file floor ({med(with_db, 'cpu') / med(f_db, 'cpu'):.1f}x "
                                      f"in CPU); {flagged:,} rows flagged")
    row("validate (no output)", no_db, f"{med(no_db) / med(f_mem):.1f}x the memory floor ({med(no_db, 'cpu') / med(f_mem, 'cpu'):.1f}x in CPU)")
    if reports:
        row("validate --format xlsx,html", reports,
            f"{med(reports) / med(csv_paired):.1f}x the csv run of the same rounds ({med(reports, 'cpu') / med(csv_paired, 'cpu'):.1f}x in CPU)")
    if peer_runs:
        row(f"peer, the {len(codes)} rules both have", peer_runs)
        row("validate, the same rules, no output", ours_same, f"the peer takes {med(peer_runs) / med(ours_same):.1f}x as long "
                                                              f"({med(peer_runs, 'cpu') / med(ours_same, 'cpu'):.1f}x the CPU)")
    print(f"  load average {load()} at the end", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=3, help="paired rounds per size (medians over them)")
    ap.add_argument("--report-runs", type=int, default=1, help="rounds that also time --format xlsx,html")
    ap.add_argument("--peer-runs", type=int, default=1, help="rounds that also time the peer (when installed)")
    ap.add_argument("--year", default="2025/26")
    ap.add_argument("--work", type=Path, default=None, help="keep generated data here (default: a temp dir)")
    ap.add_argument("--compile", action="store_true", help="also time `compile` for each dialect")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="v903bench_"))
    peer = peer_script() if a.peer_runs > 0 else None
    codes = common_rules(a.year) if peer else []
    print(f"validator903 benchmark, {a.year}, {os.cpu_count()} cores; peer: "
          f"{'installed, ' + str(len(codes)) + ' rules in common' if peer else 'not installed (or --peer-runs 0)'}")
    for n in (int(x) for x in a.sizes.split(",")):
        bench_size(n, a, work, peer, codes)
    if a.compile:
        print("\ncompile (all rules, one year):")
        for d in ("duckdb", "postgres", "tsql", "oracle"):
            t = time.perf_counter()
            subprocess.run(CLI + ["compile", "--dialect", d, "--year", a.year, "--source-schema", "dbo",
                                  "--out", str(work / "compile" / d)], check=True, capture_output=True)
            print(f"  {d:<9} {time.perf_counter() - t:.2f} s (whole process)")
    print(f"\ndata and outputs in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
