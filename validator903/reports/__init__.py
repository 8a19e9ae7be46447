"""Reports analysts act on, built from a finished run's DuckDB connection.

``data`` gathers everything with SQL in that connection (each flagged row's values and locator,
its social worker, its status against an earlier run); one module per format writes it:
``csv_report`` (errors.csv/summary.csv, unchanged, plus the comparison files), ``xlsx_report``,
``html_report``, ``json_report``; ``by_social_worker`` writes one CSV per social worker and
``console`` the terminal summary.
"""
from __future__ import annotations

from pathlib import Path

FORMATS = ("csv", "xlsx", "html", "json")


def parse_formats(values: list[str] | None) -> list[str]:
    """``--format xlsx --format html`` or ``--format xlsx,html`` -> ['xlsx', 'html'] (in FORMATS
    order, no repeats); csv when none is given."""
    from ..errors import UsageError

    chosen: set[str] = set()
    for v in values or ["csv"]:
        for f in v.split(","):
            f = f.strip().lower()
            if not f:
                continue
            if f not in FORMATS:
                raise UsageError(f"--format {f!r}: choose from {', '.join(FORMATS)} (several: --format csv,xlsx)")
            chosen.add(f)
    if not chosen:
        raise UsageError(f"--format: choose from {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in chosen]


def write_reports(data, out: Path, formats: list[str]) -> list[Path]:
    """Write each chosen format into ``out``; returns the files written, in order."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "csv":
            from .csv_report import write_csv
            written += write_csv(data, out)
        elif fmt == "xlsx":
            from .xlsx_report import write_xlsx
            written.append(write_xlsx(data, out / "report.xlsx"))
        elif fmt == "html":
            from .html_report import write_html
            written.append(write_html(data, out / "report.html"))
        elif fmt == "json":
            from .json_report import write_json
            written.append(write_json(data, out / "errors.json"))
    return written
