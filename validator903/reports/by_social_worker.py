"""--by-social-worker DIR: one CSV of errors per social worker, so each can be sent their own list.

An error goes to the SW_ID of the child's social worker episode open at the error's date (the
flagged row's DECOM, REVIEW, MIS_START, SW_DECOM, DATE_PLACED or DOLO_START), else of the child's
latest social worker episode; children with no social worker episode (or a blank SW_ID) go in
``unassigned.csv``. ``index.csv`` lists every file with its counts. Files listed by an earlier
index.csv in DIR are removed first, so a weekly run leaves no stale list behind.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from .data import ReportData

COLUMNS = ("social_worker", "child", "code", "table", "row", "locator", "message", "fields", "values")
INDEX_COLUMNS = ("social_worker", "file", "errors", "children")
UNASSIGNED = "unassigned.csv"
_OURS = re.compile(r"^(sw_.+|unassigned)\.csv$")


def _file_name(sw: str, used: set[str]) -> str:
    stem = "sw_" + (re.sub(r"[^A-Za-z0-9._-]+", "_", sw).strip("._") or "x")
    name, n = f"{stem}.csv", 2
    while name.lower() in used:  # case-insensitive file systems: SW1 and sw1 must not share a file
        name, n = f"{stem}_{n}.csv", n + 1
    used.add(name.lower())
    return name


def _remove_stale(folder: Path) -> None:
    index = folder / "index.csv"
    if not index.is_file():
        return
    with open(index, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row.get("file") or ""
            if _OURS.match(name) and "/" not in name and "\\" not in name:
                (folder / name).unlink(missing_ok=True)


def write_by_social_worker(data: ReportData, folder: Path) -> list[Path]:
    """Write the files; returns index.csv first, then each list."""
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale(folder)
    compared = data.compared_with is not None
    columns = COLUMNS + (("status",) if compared else ())
    rows = data.conn.execute(
        "SELECT social_worker, child, code, table_name, row_no, locator, message, fields, vals, status "
        "FROM report_errors ORDER BY social_worker NULLS FIRST, child, eid").fetchall()
    groups: dict[str | None, list[tuple]] = {}
    for r in rows:
        groups.setdefault(r[0], []).append(r)
    used = {UNASSIGNED, "index.csv"}
    written: list[Path] = []
    index: list[tuple] = []
    for sw, items in groups.items():
        name = UNASSIGNED if sw is None else _file_name(sw, used)
        path = folder / name
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            for r in items:
                w.writerow(list(r[:9]) + ([r[9]] if compared else []))
        written.append(path)
        index.append((sw or "", name, len(items), len({r[1] for r in items})))
    index_path = folder / "index.csv"
    with open(index_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(INDEX_COLUMNS)
        w.writerows(index)
    return [index_path] + written
