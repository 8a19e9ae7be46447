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


def workbook(tmp_path, name, threshold, monkeypatch):
    monkeypatch.setattr(xlsx_report, "CONSTANT_MEMORY_ROWS", threshold)
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
