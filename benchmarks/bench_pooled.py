#!/usr/bin/env python3
"""Pooled data: synthetic returns of many councils and years in one table per 903 table, validated
in one `run --url` on DuckDB and on a local Spark.

    python benchmarks/bench_pooled.py [--councils 10] [--years 3] [--children 12000] [--work DIR]

Each council-year is `validator903 synth` (its own seed); the returns are pooled with an `la` and a
`yr` column (DuckDB reads the CSVs as text) into a DuckDB file and into Parquet files, and one
mapping (la_column, year_column) serves both engines. It prints the episode rows pooled and, per
engine, the wall time of `validator903 run --year <latest> --url ...` (every council of the latest
year, last year's rows as the _last tables) and the rows flagged. Figures are printed, not
asserted: the README's "Pooled data" section quotes them.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

CLI = [sys.executable, "-m", "validator903"]
YEARS = ("2023/24", "2024/25", "2025/26", "2026/27")


def synth(work: Path, councils: int, years: list[str], children: int) -> Path:
    src = work / "returns"
    for c in range(councils):
        la = f"{801 + c}"
        for y, year in enumerate(years):
            out = src / la / year.replace("/", "-")
            if not out.exists():
                subprocess.run([*CLI, "synth", "--children", str(children), "--year", year, "--seed", str(100 * c + y),
                                "--out", out], check=True, capture_output=True)
    return src


def pool(src: Path, work: Path) -> tuple[Path, Path, int]:
    db_path, parquet = work / "pooled.duckdb", work / "spark" / "pool"
    parquet.mkdir(parents=True, exist_ok=True)
    db = duckdb.connect(str(db_path))
    db.execute("CREATE SCHEMA IF NOT EXISTS pool")
    tables = sorted({p.stem for p in src.glob("*/*/*.csv")})
    for t in tables:
        files = sorted(src.glob(f"*/*/{t}.csv"))
        parts = [f"SELECT '{f.parent.parent.name}' AS la, '{f.parent.name.replace('-', '/')}' AS yr, "
                 f"row_number() OVER () AS row_no, * FROM read_csv('{f}', all_varchar=true, header=true)" for f in files]
        db.execute(f"CREATE OR REPLACE TABLE pool.{t} AS " + " UNION ALL BY NAME ".join(parts))
        db.execute(f"COPY pool.{t} TO '{parquet / (t + '.parquet')}' (FORMAT parquet)")
    episodes = db.execute("SELECT COUNT(*) FROM pool.episodes").fetchone()[0]
    db.close()
    mapping = work / "mapping.yml"
    mapping.write_text("schema: pool\nrow_no: row_no\nla_column: la\nyear_column: yr\n")
    return db_path, mapping, episodes


def timed_run(url: str, mapping: Path, year: str) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run([*CLI, "run", "--url", url, "--mapping", mapping, "--year", year, "-q"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        return wall, f"failed: {p.stderr.strip()[-300:]}"
    return wall, "ok"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--councils", type=int, default=10)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--children", type=int, default=12000)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--engines", default="duckdb,spark")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="v903_pooled_"))
    work.mkdir(parents=True, exist_ok=True)
    years = list(YEARS[-a.years:]) if a.years <= len(YEARS) else list(YEARS)
    t = time.perf_counter()
    src = synth(work, a.councils, years, a.children)
    db_path, mapping, episodes = pool(src, work)
    print(f"{a.councils} councils x {len(years)} years x {a.children} children: {episodes:,} episode rows pooled "
          f"({time.perf_counter() - t:.0f} s to make); validating {years[-1]} for every council")
    urls = {"duckdb": f"duckdb:///{db_path}", "spark": f"spark://local?tables={work / 'spark'}"}
    for engine in a.engines.split(","):
        wall, status = timed_run(urls[engine], mapping, years[-1])
        print(f"{engine:7} {wall:8.1f} s  {status}")


if __name__ == "__main__":
    main()
