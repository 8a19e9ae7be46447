"""--by-social-worker DIR: one CSV of errors per social worker, so each can be sent their own list.

An error goes to the SW_ID of the child's social worker episode open at the error's date (the
flagged row's DECOM, REVIEW, MIS_START, SW_DECOM, DATE_PLACED or DOLO_START), else of the child's
latest social worker episode; children with no social worker episode (or a blank SW_ID) go in
``unassigned.csv``. ``index.csv`` lists every file with its counts. The folder is rebuilt whole (validator903.outputs):
the lists an earlier index.csv named go, so a weekly run leaves no stale list behind, and any
other file there is kept.
"""
from __future__ import annotations

import re
from pathlib import Path

from .csv_report import write_rows
from .data import ReportData
from .fix_report import NEEDS_YOU, fix_marks

COLUMNS = ("social_worker", "child", "code", "table", "row", "locator", "message", "fields", "values", "fix")
INDEX_COLUMNS = ("social_worker", "file", "errors", "children", "needs_social_worker")
UNASSIGNED = "unassigned.csv"


def _file_name(sw: str, used: set[str]) -> str:
    stem = "sw_" + (re.sub(r"[^A-Za-z0-9._-]+", "_", sw).strip("._") or "x")
    name, n = f"{stem}.csv", 2
    while name.lower() in used:  # case-insensitive file systems: SW1 and sw1 must not share a file
        name, n = f"{stem}_{n}.csv", n + 1
    used.add(name.lower())
    return name


def write_by_social_worker(data: ReportData, folder: Path) -> list[Path]:
    """Write the files; returns index.csv first, then each list."""
    folder.mkdir(parents=True, exist_ok=True)
    compared = data.compared_with is not None
    columns = COLUMNS + (("status",) if compared else ())
    rows = data.conn.execute(
        "SELECT social_worker, child, code, table_name, row_no, locator, message, fields, vals, status "
        "FROM report_errors ORDER BY social_worker NULLS FIRST, child, eid").fetchall()
    groups: dict[str | None, list[tuple]] = {}
    for r in rows:
        groups.setdefault(r[0], []).append(r)
    marks = fix_marks(data)
    used = {UNASSIGNED, "index.csv"}
    written: list[Path] = []
    index: list[tuple] = []
    for sw, items in groups.items():
        name = UNASSIGNED if sw is None else _file_name(sw, used)
        # fix: what `validator903 fix` does about the error (fix_report.fix_marks), so nobody is chased
        # for a trailing space
        path = write_rows(folder / name, columns, (list(r[:9]) + [marks.get((r[2], r[3], r[4]), NEEDS_YOU)]
                                                   + ([r[9]] if compared else []) for r in items))
        written.append(path)
        index.append((sw or "", name, len(items), len({r[1] for r in items}),
                      sum((r[2], r[3], r[4]) not in marks for r in items)))
    index_path = write_rows(folder / "index.csv", INDEX_COLUMNS, index)
    return [index_path] + written
