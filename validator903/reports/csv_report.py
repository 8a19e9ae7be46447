"""--format csv: errors.csv and summary.csv exactly as before (their columns are a contract), and
with --compare-with two more files beside them:

errors_compared.csv
    errors.csv's rows in the same order, plus ``values``, ``locator`` and ``status`` (new/open).
fixed.csv
    the earlier run's errors that this run no longer flags (``row`` is the row in that run).
"""
from __future__ import annotations

from pathlib import Path

from .. import report

COMPARED_COLUMNS = report.ERRORS_COLUMNS + ("values", "locator", "status")
FIXED_COLUMNS = report.ERRORS_COLUMNS + ("values", "locator")


def write_csv(data, out: Path) -> list[Path]:
    written = report.write_outputs(data.run, out)
    if data.compared_with is None:
        return written
    compared, fixed = out / "errors_compared.csv", out / "fixed.csv"
    report.copy_csv(data.conn, 'SELECT code, table_name AS "table", row_no AS "row", child, message, fields, '
                     'vals AS "values", locator, status FROM report_errors ORDER BY eid', compared, COMPARED_COLUMNS)
    report.copy_csv(data.conn, 'SELECT code, table_name AS "table", row_no AS "row", child, message, fields, '
                     'vals AS "values", locator FROM report_fixed '
                     'ORDER BY sort_order, table_name, row_no, child', fixed, FIXED_COLUMNS)
    return written + [compared, fixed]

