"""Large returns stream report.xlsx to disk row by row (XlsxWriter's constant_memory mode) instead
of holding every cell: the workbook must be the same one, cell for cell."""
import openpyxl
import pytest

from test_cli import SAMPLE
from validator903 import engine
from validator903.context import CollectionYear, RuleContext
from validator903.reports import xlsx_report
from validator903.reports.data import gather
from validator903.rules import rules_for_year


def workbook(tmp_path, name, threshold, monkeypatch, children_only_from=10**9):
    monkeypatch.setattr(xlsx_report, "CONSTANT_MEMORY_ROWS", threshold)
    monkeypatch.setattr(xlsx_report, "CHILDREN_ONLY_ROWS", children_only_from)
    ctx = RuleContext(CollectionYear.parse("2025/26"), "999")
    run = engine.prepare(engine.open_db(None), ctx, [SAMPLE / "current"], [SAMPLE / "previous"])
    engine.run_rules(run, rules_for_year(ctx.year))
    return openpyxl.load_workbook(xlsx_report.write_xlsx(gather(run), tmp_path / name))


def content(wb):
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [[(c.value, c.fill.fgColor.rgb if c.fill.fill_type else None,
                           c.comment.text if c.comment else None, c.hyperlink.location if c.hyperlink else None)
                          for c in row] for row in ws.iter_rows()]
        out[ws.title + " (frozen, filter)"] = (ws.freeze_panes, ws.auto_filter.ref)
    return out


def test_a_streamed_workbook_is_the_same_workbook(tmp_path, monkeypatch):
    in_memory = content(workbook(tmp_path, "in_memory.xlsx", 10**9, monkeypatch))
    streamed = content(workbook(tmp_path, "streamed.xlsx", 0, monkeypatch))
    assert streamed == in_memory
    errors = in_memory["Errors"]
    assert len(errors) > 10 and any(cell[3] for row in errors for cell in row)  # links to the table sheets
    assert any(cell[2] for row in in_memory["episodes"] for cell in row)  # flagged cells carry comments


def test_a_large_returns_table_sheets_hold_the_children_with_errors(tmp_path, monkeypatch):
    """From CHILDREN_ONLY_ROWS input rows a table sheet holds only the rows of children with
    errors, each child's rows together; every flagged cell is still there, red with its comment,
    and each error's link still lands on its own row."""
    full = workbook(tmp_path, "full.xlsx", 10**9, monkeypatch)
    small = workbook(tmp_path, "small.xlsx", 0, monkeypatch, children_only_from=0)
    flagged_children = {r[0].value for r in small["Errors"].iter_rows(min_row=2)}
    summary = {r[0].value: r[1].value for r in small["Summary"].iter_rows() if r[0].value}
    assert "children with errors" in summary["Table sheets"]
    for table in ("header", "episodes"):
        heads = [c.value for c in full[table][1]]
        child = heads.index("CHILD")
        rows = lambda wb: [tuple(c.value for c in r) for r in wb[table].iter_rows(min_row=2)]
        kept = [r for r in rows(full) if r[child] in flagged_children]
        assert 0 < len(rows(small)) < len(rows(full)) and sorted(rows(small)) == sorted(kept)
        children = [r[child] for r in rows(small)]
        assert children == sorted(children, key=lambda c: (c is None, c))  # a child's rows together
        red = lambda wb: {(r[0].value, c.column) for r in wb[table].iter_rows(min_row=2) for c in r if c.comment}
        assert red(small) == red(full)
    links = 0
    for e in small["Errors"].iter_rows(min_row=2):
        cell = e[2]
        if cell.hyperlink:
            sheet, ref = cell.hyperlink.location.split("!")
            assert small[sheet.strip("'")][ref].value == cell.value  # column A of the target is its row
            links += 1
    assert links > 10
