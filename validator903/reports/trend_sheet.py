"""The Trend sheet of report.xlsx (``--history``) and of ``validator903 trends --out trends.xlsx``.

Three tables — the runs (rows flagged, children with errors, new, fixed), children flagged per
rule per run (the top rules first), new and fixed per week — each drawn by a native Excel chart
beside it, so the figures stay editable and the charts follow them.
"""
from __future__ import annotations

from ..trend import Trend

SHEET = "Trend"


def write_trend_sheet(wb, fmt: dict, trend: Trend) -> None:
    ws = wb.add_worksheet(SHEET)
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    head = fmt["header"]
    runs = trend.runs
    last = runs[-1]
    ws.write_string(0, 0, f"Trend {last.year or ''}" + (f", LA {last.la}" if last.la else "")
                    + f": {len(runs)} run{'s' if len(runs) != 1 else ''} ({trend.source})", fmt["title"])
    ws.set_column(0, 0, 17)
    ws.set_column(1, 6, 12)

    # -- the runs
    top = 2
    ws.write_row(top, 0, ["run", "children in the return", "rows flagged", "children with errors", "new", "fixed"], head)
    for i, r in enumerate(runs, top + 1):
        ws.write_datetime(i, 0, r.run_at, when)
        for c, v in enumerate([r.children, r.rows_flagged, r.children_flagged, r.new, r.fixed], 1):
            if v is not None:
                ws.write_number(i, c, v)
    end = top + len(runs)
    totals = wb.add_chart({"type": "line"})
    for col, name in ((2, "rows flagged"), (3, "children with errors")):
        totals.add_series({"name": name, "categories": [SHEET, top + 1, 0, end, 0],
                           "values": [SHEET, top + 1, col, end, col], "marker": {"type": "circle"}})
    totals.set_title({"name": "Rows flagged and children with errors, per run"})
    totals.set_x_axis({"date_axis": False, "num_format": "dd/mm"})
    totals.set_size({"width": 620, "height": 300})
    ws.insert_chart(top, 8, totals)

    # -- children flagged by rule, per run (top rules first, then every other rule that flagged any)
    top_codes = trend.top_rules()
    others = sorted((c for c in trend.codes if c not in top_codes
                     and any(c in r.rules and r.rules[c].children for r in runs)), key=_code_order)
    codes = top_codes + others
    at = max(end + 3, top + 17)
    ws.write_string(at - 1, 0, "Children flagged by rule, per run", fmt["bold"])
    ws.write_row(at, 0, ["code", "name"], head)
    run_head = wb.add_format({"num_format": "dd/mm hh:mm", **_HEAD})
    for j, r in enumerate(runs, 2):
        ws.write_datetime(at, j, r.run_at, run_head)
    for i, c in enumerate(codes, at + 1):
        ws.write_string(i, 0, c)
        ws.write_string(i, 1, trend.names.get(c, ""))
        for j, r in enumerate(runs, 2):
            p = r.rules.get(c)
            if p is not None and p.status == "ran":
                ws.write_number(i, j, p.children)
    if top_codes:
        chart = wb.add_chart({"type": "line"})
        for i, c in enumerate(top_codes, at + 1):
            chart.add_series({"name": trend.label(c), "categories": [SHEET, at, 2, at, 1 + len(runs)],
                              "values": [SHEET, i, 2, i, 1 + len(runs)], "marker": {"type": "circle"}})
        chart.set_title({"name": "Children flagged by the top rules, per run"})
        chart.set_size({"width": 620, "height": 300})
        ws.insert_chart(top + 16, 8, chart)

    # -- new and fixed per week
    weeks = trend.weekly()
    wat = at + len(codes) + 3
    ws.write_string(wat - 1, 0, "Errors new and fixed, per week (Monday)", fmt["bold"])
    ws.write_row(wat, 0, ["week", "new", "fixed"], head)
    for i, (d, n, f) in enumerate(weeks, wat + 1):
        ws.write_datetime(i, 0, _datetime(d), day)
        ws.write_number(i, 1, n)
        ws.write_number(i, 2, f)
    if weeks:
        bars = wb.add_chart({"type": "column"})
        for col, name, colour in ((1, "new", "#E37400"), (2, "fixed", "#1E6B35")):
            bars.add_series({"name": name, "categories": [SHEET, wat + 1, 0, wat + len(weeks), 0],
                             "values": [SHEET, wat + 1, col, wat + len(weeks), col], "fill": {"color": colour}})
        bars.set_title({"name": "Errors new and fixed, per week"})
        bars.set_size({"width": 620, "height": 300})
        ws.insert_chart(top + 32, 8, bars)


_HEAD = {"bold": True, "bg_color": "#DDEBF7", "bottom": 1}


def _datetime(d):
    from datetime import datetime
    return datetime(d.year, d.month, d.day)


def _code_order(code: str):
    return (0, int(code), code) if code.isdigit() else (1, 0, code)


def write_trend_sheet_file(trend: Trend, path) -> None:
    """A workbook of the Trend sheet alone (``validator903 trends --out trends.xlsx``)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    fmt = {"header": wb.add_format(_HEAD), "title": wb.add_format({"bold": True, "font_size": 14}),
           "bold": wb.add_format({"bold": True})}
    write_trend_sheet(wb, fmt, trend)
    wb.close()
