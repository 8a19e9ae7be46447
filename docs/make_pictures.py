"""Make the README's pictures of the trend page and the benchmark comparison, from synthetic councils
(`validator903 synth`), screenshotted by headless Chromium:

    python docs/make_pictures.py        # writes docs/trends.png and docs/benchmark.png

Trend: eight weekly runs of one council whose injected error rate falls from 30% to 2%; the runs
all happen now, so their times in the store are then set to successive Mondays from April (the
only thing done to the store by hand, for the picture).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent


def v903(*args) -> None:
    subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], check=True, stdout=subprocess.DEVNULL)


def shot(page: Path, png: Path, size: str) -> None:
    profile = tempfile.mkdtemp(prefix="v903_shot_")
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--no-first-run", "--disable-background-networking", f"--user-data-dir={profile}",
                        f"--window-size={size}", f"--screenshot={png}", page.as_uri()],
                       check=True, capture_output=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="v903_pictures_"))
    hist = work / "history"
    rates = [0.30, 0.24, 0.19, 0.15, 0.11, 0.08, 0.05, 0.02]
    for week, rate in enumerate(rates):
        cur, prev = work / f"w{week}" / "cur", work / f"w{week}" / "prev"
        v903("synth", "--children", 1000, "--seed", 1, "--error-rate", rate, "--out", cur, "--previous", prev)
        v903("validate", cur, "--previous", prev, "--year", "2025/26", "--la", "352", "--history", hist, "-q")
    with duckdb.connect(str(hist / "history.duckdb")) as c:
        for run_id, in c.execute("SELECT run_id FROM runs ORDER BY run_id").fetchall():
            c.execute("UPDATE runs SET run_at = ? WHERE run_id = ?",
                      [datetime(2025, 4, 7, 9) + timedelta(weeks=run_id - 1), run_id])
    v903("trends", "--history", hist, "--out", work / "trends.html")
    shot(work / "trends.html", HERE / "trends.png", "1100,820")

    exports = []
    for la, n, seed, rate in (("201", 400, 11, 0.05), ("202", 2000, 12, 0.08), ("203", 1000, 13, 0.3)):
        cur, prev, out = work / la / "cur", work / la / "prev", work / la / "out"
        v903("synth", "--children", n, "--seed", seed, "--error-rate", rate, "--out", cur, "--previous", prev)
        v903("validate", cur, "--previous", prev, "--year", "2025/26", "--la", la, "--output", out, "-q")
        v903("benchmark", "export", out, "--out", work / f"{la}.json")
        exports.append(work / f"{la}.json")
    v903("benchmark", "compare", *exports, "--out", work / "benchmark.html")
    shot(work / "benchmark.html", HERE / "benchmark.png", "1100,900")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
