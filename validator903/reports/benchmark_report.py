"""``benchmark compare --out report.html / report.xlsx``: councils side by side.

The page is one self-contained file (inline CSS, the chart as inline SVG written here; no script,
nothing fetched): the councils; the rules that flagged children in every council, drawn as one
row of dots per rule (a dot per council, the median as a bar); the outliers; and every rule's rate
per 100 children in each council against the median of the others. The workbook has the same
tables, a sheet each.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..benchmark import OUTLIER_GAP, OUTLIER_RATIO, SUPPRESS_BELOW, SYMBOL, Comparison

COLOURS = ["#3367d6", "#b3261e", "#1e6b35", "#e37400", "#7b1fa2", "#00838f", "#5d4037", "#c2185b"]

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f;
       margin: 0 auto; padding: 16px 24px 48px; max-width: 1200px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.sub, .muted { color: #5f6368; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #d9dce1; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.high { background: #fde7e9; color: #b3261e; font-weight: 600; }
td.low { background: #e6f4ea; color: #1e6b35; font-weight: 600; }
svg text { font-size: 12px; fill: #1d1d1f; } svg .tick { fill: #5f6368; font-size: 11px; }
svg .axis { stroke: #d9dce1; } svg .median { stroke: #1d1d1f; stroke-width: 2; }
.key i { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin: 0 4px 0 12px; }
"""


def _rate(v) -> str:
    if v is None:
        return "–"
    return SYMBOL if v == SYMBOL else f"{v:.2f}"


def _count(v) -> str:
    return f"{v:,}" if isinstance(v, int) else escape(str(v if v is not None else "–"))


def _label(cmp: Comparison, code: str) -> str:
    return f"{code} {(cmp.names.get(code) or '').replace('_', ' ')}".strip()


def _dots(cmp: Comparison, codes: list[str]) -> str:
    """One row per rule: a dot per council at its rate, a bar at the median of all."""
    if not codes:
        return '<p class="muted">No rule flagged children in every council.</p>'
    label_w, w, row_h, top = 300, 1000, 24, 24
    plot = w - label_w - 30
    rates = [cmp.cells[(c, k.la)].rate for c in codes for k in cmp.councils]
    step = _nice_step(max([r for r in rates if isinstance(r, float)] + [0.1]) / 4)
    ticks = [step * i for i in range(6)]
    while len(ticks) > 2 and ticks[-2] >= max([r for r in rates if isinstance(r, float)] + [0.1]):
        ticks.pop()
    top_rate = ticks[-1]
    x = lambda r: label_w + plot * r / top_rate
    h = top + row_h * len(codes) + 8
    out = [f'<svg id="common-chart" role="img" aria-label="rate per 100 children of the rules common to all councils" '
           f'width="{w}" height="{h}" viewBox="0 0 {w} {h}">']
    for v in ticks:
        out.append(f'<line class="axis" x1="{x(v):.1f}" x2="{x(v):.1f}" y1="{top - 6}" y2="{h - 6}"></line>'
                   f'<text class="tick" x="{x(v):.1f}" y="{top - 10}" text-anchor="middle">{v:g}</text>')
    for i, code in enumerate(codes):
        y = top + i * row_h + row_h / 2
        name = _label(cmp, code)
        out.append(f'<g class="rule" data-rule="{escape(code)}"><text x="{label_w - 8}" y="{y + 4:.1f}" '
                   f'text-anchor="end">{escape(name[:44] + ("…" if len(name) > 44 else ""))}</text>')
        med = cmp.median(code)
        if med is not None:
            out.append(f'<line class="median" x1="{x(med):.1f}" x2="{x(med):.1f}" y1="{y - 8:.1f}" y2="{y + 8:.1f}">'
                       f'<title>median {med:.2f} per 100 children</title></line>')
        for j, k in enumerate(cmp.councils):
            r = cmp.cells[(code, k.la)].rate
            if isinstance(r, float):
                out.append(f'<circle class="council" data-la="{escape(k.la)}" cx="{x(r):.1f}" cy="{y:.1f}" r="5" '
                           f'fill="{COLOURS[j % len(COLOURS)]}" fill-opacity="0.85"><title>LA {escape(k.la)}: '
                           f'{r:.2f} per 100 children</title></circle>')
            elif r == SYMBOL:  # fewer than 5 children: somewhere above 0, drawn hollow at 0
                out.append(f'<circle class="council suppressed" data-la="{escape(k.la)}" cx="{x(0):.1f}" '
                           f'cy="{y:.1f}" r="5" fill="none" stroke="{COLOURS[j % len(COLOURS)]}" stroke-width="1.5">'
                           f'<title>LA {escape(k.la)}: fewer than {SUPPRESS_BELOW} children (suppressed)</title></circle>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``: round axis ticks."""
    import math

    p = 10 ** math.floor(math.log10(raw))
    return next(m * p for m in (1, 2, 5, 10) if m * p >= raw)


def write_benchmark_html(cmp: Comparison, path: Path) -> Path:
    title = "SSDA903 validation: councils compared"
    years = ", ".join(sorted({c.year for c in cmp.councils}))
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
           f"<h1>{escape(title)}</h1>",
           f'<p class="sub">{len(cmp.councils)} councils, {escape(years)}. Rates are children flagged per 100 children '
           f'in the return; "{SYMBOL}" is a count under {SUPPRESS_BELOW}, suppressed in the export. A council is an '
           f"outlier on a rule when its rate is at least {OUTLIER_RATIO:g}× the median of the others and "
           f"{OUTLIER_GAP:g} or more above it (high), or at most half that median when the median is "
           f"{OUTLIER_GAP:g} or more (low).</p>"]
    for w in cmp.warnings:
        out.append(f'<p class="sub">Note: {escape(w)}</p>')
    out.append('<section id="councils"><h2>Councils</h2><table><thead><tr><th>LA</th><th>year</th><th>run date</th>'
               '<th class="num">children in the return</th><th class="num">children with errors</th>'
               '<th class="num">per 100 children</th><th class="num">outliers (high / low)</th></tr></thead><tbody>')
    outl = cmp.outliers()
    for k in cmp.councils:
        hi = sum(1 for la, _, c in outl if la == k.la and c.outlier == "high")
        lo = sum(1 for la, _, c in outl if la == k.la and c.outlier == "low")
        out.append(f'<tr data-la="{escape(k.la)}"><td>{escape(k.la)}</td><td>{escape(k.year)}</td>'
                   f'<td>{escape(k.run_date or "")}</td><td class="num">{k.children:,}</td>'
                   f'<td class="num">{_count(k.children_flagged)}</td>'
                   f'<td class="num">{_rate(k.children_flagged_per_100)}</td><td class="num">{hi} / {lo}</td></tr>')
    out.append("</tbody></table></section>")
    key = "".join(f'<i style="background:{COLOURS[j % len(COLOURS)]}"></i>LA {escape(k.la)}'
                  for j, k in enumerate(cmp.councils))
    out.append(f'<section id="common"><h2>Rules that flagged children in every council ({len(cmp.common)})</h2>'
               f'<p class="key">{key} <span class="muted">· bar: median · hollow: fewer than {SUPPRESS_BELOW} children (suppressed)</span></p>{_dots(cmp, cmp.common)}</section>')
    out.append(f'<section id="outliers"><h2>Outliers ({len(outl)})</h2>')
    if outl:
        out.append('<table><thead><tr><th>LA</th><th>rule</th><th class="num">rate</th>'
                   '<th class="num">median of the others</th><th>outlier</th></tr></thead><tbody>')
        for la, code, c in outl:
            out.append(f'<tr data-la="{escape(la)}" data-rule="{escape(code)}"><td>{escape(la)}</td>'
                       f'<td>{escape(_label(cmp, code))}</td><td class="num {c.outlier}">{_rate(c.rate)}</td>'
                       f'<td class="num">{_rate(c.median_others)}</td><td>{c.outlier}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No council stands out on any rule.</p>')
    out.append("</section>")
    heads = "".join(f'<th class="num">LA {escape(k.la)}</th>' for k in cmp.councils)
    out.append(f'<section id="rates"><h2>Every rule: rate per 100 children</h2><table><thead><tr><th>rule</th>{heads}'
               '<th class="num">median</th></tr></thead><tbody>')
    for code in cmp.codes:
        tds = []
        for k in cmp.councils:
            c = cmp.cells[(code, k.la)]
            tip = f' title="median of the others {_rate(c.median_others)}"' if c.median_others is not None else ""
            tds.append(f'<td class="num{" " + c.outlier if c.outlier else ""}" data-la="{escape(k.la)}"{tip}>'
                       f"{_rate(c.rate)}</td>")
        out.append(f'<tr data-rule="{escape(code)}"><td>{escape(_label(cmp, code))}</td>{"".join(tds)}'
                   f'<td class="num">{_rate(cmp.median(code))}</td></tr>')
    out.append("</tbody></table></section></body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def write_benchmark_xlsx(cmp: Comparison, path: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
    high = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "num_format": "0.00"})
    low = wb.add_format({"bg_color": "#C6EFCE", "font_color": "#006100", "num_format": "0.00"})
    num = wb.add_format({"num_format": "0.00"})

    def cell(ws, r, c, v, fmt=num):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            ws.write_number(r, c, v, fmt)
        elif v is not None:
            ws.write_string(r, c, str(v))

    ws = wb.add_worksheet("Councils")
    ws.write_row(0, 0, ["LA", "year", "run date", "children in the return", "children with errors",
                        "per 100 children"], head)
    for i, k in enumerate(cmp.councils, 1):
        ws.write_row(i, 0, [k.la, k.year, k.run_date or ""])
        ws.write_number(i, 3, k.children)
        cell(ws, i, 4, k.children_flagged, None)
        cell(ws, i, 5, k.children_flagged_per_100)
    ws.set_column(0, 5, 16)

    def matrix(name: str, codes: list[str]):
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, ["code", "name"] + [f"LA {k.la}" for k in cmp.councils] + ["median"], head)
        for i, code in enumerate(codes, 1):
            ws.write_string(i, 0, code)
            ws.write_string(i, 1, cmp.names.get(code, ""))
            for j, k in enumerate(cmp.councils, 2):
                c = cmp.cells[(code, k.la)]
                cell(ws, i, j, c.rate, {"high": high, "low": low}.get(c.outlier, num))
                if c.median_others is not None:
                    ws.write_comment(i, j, f"median of the others: {c.median_others:.2f}")
            cell(ws, i, 2 + len(cmp.councils), cmp.median(code))
        ws.set_column(0, 0, 9)
        ws.set_column(1, 1, 40)
        ws.set_column(2, 2 + len(cmp.councils), 11)
        ws.freeze_panes(1, 2)
        ws.autofilter(0, 0, max(1, len(codes)), 2 + len(cmp.councils))

    matrix("Common to all", cmp.common)
    ws = wb.add_worksheet("Outliers")
    ws.write_row(0, 0, ["LA", "code", "name", "rate", "median of the others", "outlier"], head)
    for i, (la, code, c) in enumerate(cmp.outliers(), 1):
        ws.write_row(i, 0, [la, code, cmp.names.get(code, "")])
        cell(ws, i, 3, c.rate)
        cell(ws, i, 4, c.median_others)
        ws.write_string(i, 5, c.outlier)
    ws.set_column(0, 5, 14)
    ws.set_column(2, 2, 40)
    matrix("Rates", cmp.codes)
    wb.close()
    return path
