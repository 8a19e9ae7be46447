"""--format xlsx: report.xlsx, written with XlsxWriter (about 5-8 s for 10,000 children's return
with last year's: a million cells; see benchmarks/bench_reports.py).

A sheet holds at most Excel's 1,048,576 rows; a longer list continues on "Errors (2)", "episodes (2)"
… with its header repeated, and the run warns (data.report_warnings) rather than cutting rows.

Sheets: Summary (headline figures, then every rule of the year with its count and status),
Errors (one row per flagged row per rule), Children (one row per child), Fixed (with
--compare-with), then one sheet per input table — flagged cells filled red with a comment listing the rules —
each with a frozen header and filters on. A table sheet holds all the table's rows, or, for a
return of CHILDREN_ONLY_ROWS rows or more, only the rows of the children with errors (each child's
rows together; the Summary says so): the rows an analyst acts on, and the cells that make a large
workbook slow and big.
"""
from __future__ import annotations

import gc
from pathlib import Path

import xlsxwriter

from .data import ReportData

MAX_LINKS = 65000          # Excel allows 65,530 hyperlinks per sheet
CONSTANT_MEMORY_ROWS = 250_000  # input rows (both years) from which sheets are streamed to disk
CHILDREN_ONLY_ROWS = 250_000    # input rows (both years) from which table sheets hold only children with errors
MAX_ROWS = 1_048_576       # Excel's rows per sheet, the header row included
ERROR_FILL = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
NEW_FILL = {"bg_color": "#FFEB9C", "font_color": "#9C5700", "bold": True}


def part_name(base: str, part: int) -> str:
    """The sheet name of part ``part`` (1, 2, …) of a list: ``Errors``, ``Errors (2)``; at most 31 characters."""
    if part == 1:
        return base[:31]
    suffix = f" ({part})"
    return base[:31 - len(suffix)] + suffix


def sheet_cell(base: str, index: int) -> tuple[str, int]:
    """(sheet, 1-based Excel row) of the ``index``-th (0-based) data row of a list written by _Sheet."""
    per = MAX_ROWS - 1
    return part_name(base, index // per + 1), index % per + 2


class _Sheet:
    """A worksheet written row by row, with the header row frozen and filtered; past Excel's row
    limit it continues on a new sheet with the same header."""

    def __init__(self, wb, name: str, fmt: dict, notes: list[str] | None = None):
        self.wb, self.base, self.part, self.notes = wb, name, 1, notes
        self.ws = wb.add_worksheet(part_name(name, 1))
        self.fmt = fmt
        self.row = 0
        self.headings: list[str] | None = None

    def header(self, headings: list[str], widths: list[int] | None = None, freeze: bool = True) -> None:
        self.headings, self.widths = headings, widths
        self.ws.write_row(self.row, 0, headings, self.fmt["header"])
        self.head_row, self.ncols = self.row, len(headings)
        for i, h in enumerate(headings):
            w = widths[i] if widths else max(10, len(h) + 4)
            self.ws.set_column(i, i, w)
        if freeze:
            self.ws.freeze_panes(self.row + 1, 0)
        self.row += 1

    def next_row(self):
        """The sheet and row to write the next data row on (a new sheet once this one is full)."""
        if self.row >= MAX_ROWS:
            self.finish()
            self.part += 1
            self.ws = self.wb.add_worksheet(part_name(self.base, self.part))
            self.row = 0
            self.header(self.headings, self.widths)
            if self.notes is not None:
                self.notes.append(f"report.xlsx: the {self.base} sheet has more rows than Excel's "
                                  f"{MAX_ROWS:,}; it continues on '{part_name(self.base, self.part)}'")
        return self.ws, self.row

    def finish(self) -> None:
        self.ws.autofilter(self.head_row, 0, max(self.row - 1, self.head_row), self.ncols - 1)
        self.ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})


def _write_values(ws, r: int, values, fmt=None) -> None:
    """The row's values from column A; NULL and empty text are left blank cells, which Excel counts
    as empty (an empty-text cell is not blank to ISBLANK or COUNTA) and which cost nothing to write:
    the codes and tables of the children with no errors were a fifth of the workbook's cells."""
    for c, v in enumerate(values):
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            ws.write_number(r, c, v, fmt)
        else:
            ws.write_string(r, c, str(v), fmt)


def write_xlsx(data: ReportData, path: Path) -> Path:
    # A million cell objects, none in a reference cycle: the cyclic collector would only re-scan
    # them again and again (about 15% of the time), so it is paused while the workbook is built.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _write(data, path)
    finally:
        if enabled:
            gc.enable()


def _write(data: ReportData, path: Path) -> Path:
    rows = sum(data.figures()["table_rows"].values())
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False,
                                         # Held in memory, the cells take ~150 bytes each (1.9 GiB
                                         # at 100k children); past CONSTANT_MEMORY_ROWS each row goes
                                         # to a temporary file once the next is begun (every sheet is
                                         # written row by row), flat at any size but ~25% slower
                                         # (inline strings are escaped cell by cell)
                                         "constant_memory": rows >= CONSTANT_MEMORY_ROWS,
                                         "in_memory": rows < CONSTANT_MEMORY_ROWS})
    fmt = {"header": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1}),
           "title": wb.add_format({"bold": True, "font_size": 14}),
           "bold": wb.add_format({"bold": True}),
           "error": wb.add_format(ERROR_FILL),
           "new": wb.add_format(NEW_FILL),
           "link": wb.add_format({"font_color": "#0563C1", "underline": 1})}
    wb.set_properties({"title": f"SSDA903 validation {data.year}", "subject": "SSDA903 validation report",
                       "author": "validator903"})
    compared = data.compared_with is not None
    sheets = [t for t in data.tables if t in data.local_tables]  # a warehouse run's tables stay on the server
    children_only = {t for t in sheets if rows >= CHILDREN_ONLY_ROWS and "CHILD" in dict(data.table_columns(t))}
    _summary(wb, fmt, data, compared, children_only)
    if data.trend is not None and data.trend.runs:  # --history: the runs of this year so far
        from .trend_sheet import write_trend_sheet
        write_trend_sheet(wb, fmt, data.trend)
    _errors(wb, fmt, data, compared, sheets, {t: data.sheet_positions(t) for t in children_only})
    _children(wb, fmt, data, compared)
    from .fix_report import write_fixes_sheet
    write_fixes_sheet(wb, fmt, data, _Sheet)
    if compared:
        _fixed(wb, fmt, data)
    cells = data.cells()
    for table in sheets:
        _table(wb, fmt, data, table, cells, table in children_only)
    wb.close()
    for ws in wb.worksheets():  # free the cells now: the workbook's reference cycles would keep them
        table = getattr(ws, "table", None)  # until the next full collection
        if isinstance(table, dict):
            table.clear()
    return path


def _summary(wb, fmt, data: ReportData, compared: bool, children_only: set[str]) -> None:
    s = _Sheet(wb, "Summary", fmt)
    f = data.figures()
    s.ws.write_string(0, 0, f"SSDA903 validation {data.year}" + (f", LA {data.la}" if data.la else ""), fmt["title"])
    lines = [("Children", f["children"]), ("Rows loaded (this year)", f["rows_loaded"]),
             ("Rows loaded (last year)", f["rows_loaded_previous_year"]),
             ("Rows flagged", f["rows_flagged"]), ("Children with errors", f["children_flagged"]),
             ("Rules ran", f["rules_ran"]), ("Rules skipped", f["rules_skipped"]), ("Rules failed", f["rules_failed"])]
    caveat = data.two_year_rules()
    if caveat:  # the DfE's NOTE in their messages: the tool sees only this year and last year
        lines.append(("Two-year caveat", ", ".join(caveat)))
    if children_only:
        lines.append(("Table sheets", f"only the rows of the children with errors (a return of "
                                      f"{CHILDREN_ONLY_ROWS:,} rows or more); every row is in the input files"))
    if compared:
        lines += [("Compared with", f["compared_with"]), ("New errors", f["new"]),
                  ("Still open", f["open"]), ("Fixed since then", f["fixed"])]
    s.row = 1
    for label, value in lines:
        s.ws.write_string(s.row, 0, label, fmt["bold"])
        _write_values(s.ws, s.row, [None, value])
        s.row += 1
    s.row += 1
    heads = ["code", "name", "message", "fields", "count", "children", "status"]
    widths = [8, 30, 70, 20, 8, 9, 40]
    if compared:
        heads += ["new", "open", "fixed"]
        widths += [7, 7, 7]
    s.header(heads, widths, freeze=False)  # the figures above would make too tall a frozen pane
    for r in data.rules():
        vals = [r["code"], r["name"], r["message"], r["fields"], r["count"], r["children"], r["status"]]
        if compared:
            vals += [r["new"], r["open"], r["fixed"]]
        _write_values(s.ws, s.row, vals)
        if r["status"] != "ran":
            s.ws.write_string(s.row, 6, r["status"], fmt["error"])
        s.row += 1
    s.finish()


def _errors(wb, fmt, data: ReportData, compared: bool, sheets: list[str], positions: dict[str, dict[int, int]]) -> None:
    """``positions``: table -> row_no -> position on its sheet, for the sheets of children with errors."""
    s = _Sheet(wb, "Errors", fmt, data.report_warnings)
    heads = ["child", "table", "row", "code", "message", "fields", "values", "locator"]
    widths = [12, 20, 7, 8, 60, 18, 40, 20]
    if data.has_sw:
        heads.append("social worker")
        widths.append(14)
    if compared:
        heads.append("status")
        widths.append(8)
    s.header(heads, widths)
    for i, e in enumerate(data.errors(stream=True)):  # nothing else queries meanwhile
        ws, r = s.next_row()
        vals = [e["child"], e["table_name"], None, e["code"], e["message"], e["fields"], e["vals"], e["locator"]]
        if data.has_sw:
            vals.append(e["social_worker"])
        if compared:
            vals.append(e["status"])
        _write_values(ws, r, vals)
        if e["table_name"] in sheets and i % (MAX_ROWS - 1) < MAX_LINKS:  # jump to the row in its table's sheet
            at_row = positions[e["table_name"]][e["row_no"]] if e["table_name"] in positions else e["row_no"] - 1
            sheet, at = sheet_cell(e["table_name"], at_row)
            ws.write_url(r, 2, f"internal:'{sheet}'!A{at}", fmt["link"],
                         string=str(e["row_no"]))
            ws.write_number(r, 2, e["row_no"], fmt["link"])
        else:
            ws.write_number(r, 2, e["row_no"])
        if compared and e["status"] == "new":
            ws.write_string(r, len(vals) - 1, "new", fmt["new"])
        s.row += 1
    s.finish()


def _children(wb, fmt, data: ReportData, compared: bool) -> None:
    s = _Sheet(wb, "Children", fmt, data.report_warnings)
    heads = ["child", "errors", "codes", "tables"]
    widths = [12, 8, 30, 30]
    if data.has_sw:
        heads.append("social worker")
        widths.append(14)
    if compared:
        heads += ["new", "open"]
        widths += [7, 7]
    s.header(heads, widths)
    for c in data.children(stream=True):
        vals = [c["child"], c["errors"], c["codes"], c["tables"]]
        if data.has_sw:
            vals.append(c["social_worker"])
        if compared:
            vals += [c["new"], c["open"]]
        ws, r = s.next_row()
        _write_values(ws, r, vals)
        s.row += 1
    s.finish()


def _fixed(wb, fmt, data: ReportData) -> None:
    s = _Sheet(wb, "Fixed", fmt, data.report_warnings)
    s.header(["child", "table", "row (then)", "code", "message", "fields", "values (then)", "locator"],
             [12, 20, 10, 8, 60, 18, 40, 20])
    for e in data.fixed():
        ws, r = s.next_row()
        _write_values(ws, r, [e["child"], e["table_name"], e["row_no"], e["code"], e["message"],
                                    e["fields"], e["vals"], e["locator"]])
        s.row += 1
    s.finish()


def _comment(hits) -> str:
    return "\n".join(f"{code}{' (new)' if status == 'new' else ''}: {message}" for code, message, status in hits)


def _table(wb, fmt, data: ReportData, table: str, cells: dict, children_only: bool) -> None:
    s = _Sheet(wb, table, fmt, data.report_warnings)
    heads = [h for h, _ in data.table_columns(table)]
    s.header(heads, [7] + [max(9, len(h) + 4) for h in heads[1:]])
    col_of = {h: i for i, h in enumerate(heads)}
    err = fmt["error"]
    cur = data.conn.execute(data.table_query(table, children_only))
    while True:
        batch = cur.fetchmany(10000)
        if not batch:
            break
        for row in batch:
            ws, r = s.next_row()
            row_no = row[0]
            ws.write_number(r, 0, row_no)
            for c in range(1, len(row)):
                if row[c] is not None:
                    ws.write_string(r, c, row[c])
            flagged = cells.get((table, row_no))
            if flagged:
                for fld, hits in flagged.items():
                    c = col_of.get(fld, 0)
                    v = row[c]
                    if c == 0:
                        ws.write_number(r, 0, v, err)
                    else:
                        ws.write_string(r, c, "" if v is None else v, err)
                    ws.write_comment(r, c, _comment(hits), {"x_scale": 2.5, "y_scale": 1 + 0.5 * len(hits)})
            s.row += 1
    s.finish()
