"""--format html: report.html, one self-contained file (inline CSS and JavaScript, no network).

Headline figures; bar charts of errors by rule and by table, drawn as SVG by the inline script
from the JSON embedded in the page; every rule's count and status, with the rules that did not
run and why; the errors fixed since the compared run; and a searchable list of the children
with errors, each opening onto its errors and its rows in every table, flagged cells marked.
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .data import ReportData

MAX_CHILDREN_WITH_ROWS = 2000   # beyond this the list keeps each child's errors but not its rows

CSS = """
:root { --red:#b3261e; --redbg:#fde7e9; --amber:#8a5300; --amberbg:#fff1cc; --green:#1e6b35; --ink:#1d1d1f;
        --muted:#5f6368; --line:#d9dce1; --bar:#3367d6; --bar2:#e37400; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
       margin: 0 auto; padding: 16px 24px 48px; max-width: 1280px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
h4 { margin: 12px 0 4px; font-size: 13px; }
.sub { color: var(--muted); margin: 0 0 12px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.figure .value { display: block; font-size: 24px; font-weight: 600; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure.bad .value { color: var(--red); } .figure.new .value { color: var(--amber); }
.figure.good .value { color: var(--green); }
.charts { display: grid; grid-template-columns: 2fr 1fr; gap: 24px; }
@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
.chart svg { max-width: 100%; height: auto; display: block; }
.chart .bar { fill: var(--bar); cursor: pointer; } .chart .bar.new { fill: var(--bar2); }
.chart .bar:hover { opacity: .8; }
.chart text { font-size: 12px; fill: var(--ink); } .chart text.count { fill: var(--muted); }
.legend { font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.status-skipped, .status-failed { color: var(--red); }
.tag { display: inline-block; border-radius: 4px; padding: 0 5px; font-size: 11px; font-weight: 600; }
.tag.new { background: var(--amberbg); color: var(--amber); } .tag.open { background: #eef1f5; color: var(--muted); }
td.flag { background: var(--redbg); color: var(--red); font-weight: 600; }
#search { font-size: 15px; padding: 6px 10px; width: min(480px, 100%); border: 1px solid var(--line); border-radius: 6px; }
details.child { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
details.child > summary { cursor: pointer; }
details.child[open] { background: #fbfbfd; }
.rows { overflow-x: auto; }
.muted { color: var(--muted); }
"""

SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) {
    return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]; }); }
  // Horizontal bar chart as inline SVG: one <rect class="bar"> per item (two when part is new).
  // d.key is what a click searches for (a rule code, a table); d.label is what the bar says.
  function bars(id, items, kind, unit) {
    var el = document.getElementById(id);
    if (!items.length) { el.innerHTML = '<p class="muted">No errors.</p>'; return; }
    var cut = function (s) { s = String(s); return s.length > 38 ? s.slice(0, 37) + '\u2026' : s; };
    var longest = Math.max.apply(null, items.map(function (d) { return cut(d.label).length; }));
    var w = Math.max(360, el.clientWidth || 600), labelW = Math.min(290, 12 + 6.8 * longest);
    var barW = w - labelW - 90, rowH = 22, top = 4;
    var max = Math.max.apply(null, items.map(function (d) { return d.value; }));
    var h = top + rowH * items.length + 4;
    var out = ['<svg role="img" aria-label="' + unit + ' by ' + kind + '" width="' + w + '" height="' + h +
               '" viewBox="0 0 ' + w + ' ' + h + '" data-kind="' + kind + '">'];
    items.forEach(function (d, i) {
      var y = top + i * rowH, len = Math.max(1, Math.round(barW * d.value / max));
      var newLen = d.new ? Math.max(1, Math.round(barW * d.new / max)) : 0;
      out.push('<g class="item" data-' + kind + '="' + esc(d.key) + '">');
      out.push('<title>' + esc(d.label + ': ' + d.value + ' ' + unit + (d.rows != null ? ' (' + d.rows + ' rows)' : '') +
               (d.title ? ' \u2014 ' + d.title : '') + (d.new != null ? ' (' + d.new + ' new)' : '')) + '</title>');
      out.push('<text class="label" x="' + (labelW - 6) + '" y="' + (y + 15) + '" text-anchor="end">' +
               esc(cut(d.label)) + '</text>');
      out.push('<rect class="bar" x="' + labelW + '" y="' + (y + 3) + '" width="' + (len - newLen) +
               '" height="' + (rowH - 6) + '" data-value="' + d.value + '"></rect>');
      if (newLen) out.push('<rect class="bar new" x="' + (labelW + len - newLen) + '" y="' + (y + 3) +
                           '" width="' + newLen + '" height="' + (rowH - 6) + '"></rect>');
      out.push('<text class="count" x="' + (labelW + len + 6) + '" y="' + (y + 15) + '">' + d.value + ' ' +
               (d.value === 1 ? unit.replace(/(ren|s)$/, '') : unit) +   // 1 child, 1 row
               '</text>');
      out.push('</g>');
    });
    out.push('</svg>');
    el.innerHTML = out.join('');
    el.querySelectorAll('g.item').forEach(function (g) {
      g.addEventListener('click', function () {
        search.value = kind + ':' + g.getAttribute('data-' + kind); filter();
        document.getElementById('children').scrollIntoView();
      });
    });
  }
  var search = document.getElementById('search');
  var kids = Array.prototype.slice.call(document.querySelectorAll('details.child'));
  var shown = document.getElementById('shown');
  // Words match anywhere (a child id, a code, a social worker); "rule:101", "table:episodes",
  // "sw:SW12" and "status:new" match that tag exactly.
  function filter() {
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    kids.forEach(function (k) {
      var hay = k.getAttribute('data-search'), tokens = hay.split(' ');
      var ok = terms.every(function (t) {
        return t.indexOf(':') > 0 ? tokens.indexOf(t) >= 0 : hay.indexOf(t) >= 0;
      });
      k.hidden = !ok; if (ok) n++;
    });
    shown.textContent = n + ' of ' + kids.length + ' children shown';
  }
  search.addEventListener('input', filter);
  bars('chart-rules', data.rules, 'rule', 'children');
  bars('chart-tables', data.tables, 'table', 'rows');
  if (location.hash.indexOf('#q=') === 0) search.value = decodeURIComponent(location.hash.slice(3));
  filter();
  document.body.setAttribute('data-ready', 'yes');
})();
"""


def rule_title(name: str | None) -> str:
    """A rule's name as a bar label: ``legal_status_j_under_10`` -> ``legal status j under 10``."""
    return (name or "").replace("_", " ")


def _fmt(n) -> str:
    return f"{n:,}" if isinstance(n, int) else escape(str(n))


def _figure(key: str, label: str, value, cls: str = "") -> str:
    return (f'<div class="figure {cls}" data-figure="{key}"><span class="value">{_fmt(value)}</span>'
            f'<span class="label">{escape(label)}</span></div>')


def _json_script(obj) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def write_html(data: ReportData, path: Path) -> Path:
    f = data.figures()
    compared = data.compared_with is not None
    rules = data.rules()
    errors = data.errors()
    title = f"SSDA903 validation {data.year}" + (f", LA {data.la}" if data.la else "")
    out: list[str] = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    loaded = ", ".join(f"{t} {n:,}" for t, n in f["table_rows"].items())
    out.append(f'<p class="sub">Rows loaded: {escape(loaded)}</p>')
    if compared:
        out.append(f'<p class="sub">Compared with the run in {escape(f["compared_with"])}'
                   + (f'; {f["not_rechecked"]:,} of its errors belong to rules that did not run this time and are '
                      'not counted as fixed' if f["not_rechecked"] else "") + ".</p>")

    # -- headline figures
    figs = [_figure("children", "children", f["children"] if f["children"] is not None else "–"),
            _figure("rows_loaded", "rows loaded (this year)", f["rows_loaded"]),
            _figure("rows_flagged", "rows flagged", f["rows_flagged"], "bad" if f["rows_flagged"] else "good"),
            _figure("children_flagged", "children with errors", f["children_flagged"],
                    "bad" if f["children_flagged"] else "good"),
            _figure("rules_ran", "rules ran", f["rules_ran"]),
            _figure("rules_skipped", "rules skipped", f["rules_skipped"], "bad" if f["rules_skipped"] else ""),
            _figure("rules_failed", "rules failed", f["rules_failed"], "bad" if f["rules_failed"] else "")]
    if compared:
        figs += [_figure("new", "new since then", f["new"], "new" if f["new"] else ""),
                 _figure("open", "still open", f["open"]),
                 _figure("fixed", "fixed since then", f["fixed"], "good" if f["fixed"] else "")]
    out.append('<section id="figures" class="figures">' + "".join(figs) + "</section>")

    # -- charts (drawn by the script from report-data)
    legend = ('<p class="legend"><i style="background:var(--bar)"></i>still open'
              '<i style="background:var(--bar2)"></i>new</p>' if compared else "")
    out.append('<div class="charts"><section><h2>Errors by rule</h2><p class="legend">Children flagged by each '
               'rule (a child flagged in two tables counts once).</p>' + legend +
               '<div id="chart-rules" class="chart"></div><p class="legend">Click a bar to list its children.</p>'
               '</section><section><h2>Errors by table</h2><p class="legend">Rows flagged in each table.</p>'
               '<div id="chart-tables" class="chart"></div></section></div>')
    if data.trend is not None and data.trend.runs:  # --history: the runs of this year so far
        from .trend_page import trend_section
        out.append(trend_section(data.trend))

    # -- rules that did not run, then every rule
    not_run = [r for r in rules if r["status"] != "ran"]
    out.append('<section id="not-run"><h2>Rules not run</h2>')
    if not_run:
        out.append('<table><thead><tr><th>code</th><th>message</th><th>why</th></tr></thead><tbody>')
        for r in not_run:
            cls = "status-failed" if r["status"].startswith("failed") else "status-skipped"
            out.append(f'<tr data-code="{escape(r["code"])}"><td>{escape(r["code"])}</td><td>{escape(r["message"])}</td>'
                       f'<td class="{cls}">{escape(r["status"])}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">Every rule ran.</p>')
    out.append("</section>")

    caveat = [r["code"] for r in rules if r["two_year"]]
    if caveat:
        out.append('<section id="two-year"><h2>Two-year caveat</h2><p>The DfE notes that these rules can only test '
                   'the current and previous year loaded into the tool: they may flag a child whose earlier history '
                   f'would explain it. {escape(", ".join(caveat))}</p></section>')
    out.append(f'<section id="rules"><details><summary><h2 style="display:inline">All {len(rules)} rules</h2>'
               '</summary><table><thead><tr><th>code</th><th>message</th><th>fields</th><th class="num">rows</th>'
               '<th class="num">children</th>' + ('<th class="num">new</th><th class="num">fixed</th>' if compared else "")
               + "<th>status</th></tr></thead><tbody>")
    for r in rules:
        extra = f'<td class="num">{r["new"]:,}</td><td class="num">{r["fixed"]:,}</td>' if compared else ""
        out.append(f'<tr data-code="{escape(r["code"])}"><td>{escape(r["code"])}</td><td>{escape(r["message"])}</td>'
                   f'<td>{escape((r["fields"] or "").replace(";", ", "))}</td><td class="num">{r["count"]:,}</td>'
                   f'<td class="num">{r["children"]:,}</td>{extra}<td>{escape(r["status"])}</td></tr>')
    out.append("</tbody></table></details></section>")

    if compared:
        fixed = data.fixed()
        out.append(f'<section id="fixed"><details><summary><h2 style="display:inline">{len(fixed):,} '
                   f'error{"" if len(fixed) == 1 else "s"} fixed since then</h2></summary>')
        out.append(_error_table(fixed, with_child=True, compared=False, then=True))
        out.append("</details></section>")

    # -- the children
    out.append(_children_section(data, errors, compared))

    chart = {
        # bars count children, not rows: a rule that flags a child's header and episode rows
        # would otherwise look twice as big as one that flags the header alone
        "rules": [{"key": r["code"], "label": f"{r['code']} {rule_title(r['name'])}", "value": r["children"],
                   "rows": r["count"], "title": r["message"], **({"new": r["new_children"]} if compared else {})}
                  for r in sorted((r for r in rules if r["count"]), key=lambda r: (-r["children"], -r["count"]))],
        "tables": [{"key": t, "label": t, "value": n, **({"new": new} if compared else {})}
                   for t, n, new in data.by_table()],
    }
    out.append(f'<script type="application/json" id="report-data">{_json_script(chart)}</script>')
    out.append(f"<script>{SCRIPT}</script></body></html>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _tag(status) -> str:
    return f'<span class="tag {status}">{"new" if status == "new" else "still open"}</span>' if status else ""


def _error_table(errors, with_child: bool, compared: bool, then: bool = False) -> str:
    heads = (["child"] if with_child else []) + ["code", "message", "table", "row (then)" if then else "row",
                                                 "locator", "values"] + (["status"] if compared else [])
    rows = ["<table class=\"errors\"><thead><tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr></thead><tbody>"]
    for e in errors:
        cells = ([f'<td>{escape(e["child"] or "")}</td>'] if with_child else []) + [
            f'<td>{escape(e["code"])}</td>', f'<td>{escape(e["message"])}</td>', f'<td>{escape(e["table_name"])}</td>',
            f'<td class="num">{e["row_no"]}</td>', f'<td>{escape(e["locator"] or "")}</td>',
            f'<td>{escape(e["vals"] or "")}</td>'] + ([f"<td>{_tag(e['status'])}</td>"] if compared else [])
        rows.append(f'<tr data-code="{escape(e["code"])}">' + "".join(cells) + "</tr>")
    rows.append("</tbody></table>")
    return "".join(rows)


def _children_section(data: ReportData, errors: list[dict], compared: bool) -> str:
    by_child: dict[str | None, list[dict]] = {}
    for e in errors:
        by_child.setdefault(e["child"], []).append(e)
    order = sorted(by_child, key=lambda c: (-len(by_child[c]), c or ""))
    with_rows = set(order[:MAX_CHILDREN_WITH_ROWS])
    rows = _child_rows(data, with_rows) if order else {}
    cells = data.cells()
    from .fix_report import by_child as fixes_by_child, child_fixes_html
    fixes = fixes_by_child(data)
    out = [f'<section id="children"><h2>Children with errors ({len(order):,})</h2>',
           '<p><input id="search" type="search" placeholder="Search: child, rule code, social worker, table, new" '
           'autocomplete="off"> <span id="shown" class="muted"></span></p>']
    if len(order) > MAX_CHILDREN_WITH_ROWS:
        out.append(f'<p class="muted">Rows are shown for the {MAX_CHILDREN_WITH_ROWS:,} children with the most errors; '
                   'report.xlsx has every row.</p>')
    out.append('<div id="child-list">')
    for child in order:
        errs = by_child[child]
        codes = list(dict.fromkeys(e["code"] for e in errs))
        sws = sorted({e["social_worker"] for e in errs if e["social_worker"]})
        tables = sorted({e["table_name"] for e in errs})
        n_new = sum(1 for e in errs if e["status"] == "new")
        hay = " ".join([child or "", *(f"rule:{c}" for c in codes), *(f"sw:{w}" for w in sws),
                        *(f"table:{t}" for t in tables), *(["status:new"] if n_new else []),
                        *sorted({f"fix:{c.confidence}" for c in fixes.get(child, [])})]).lower()
        summary = (f'<b>{escape(child or "(no child id)")}</b> — {len(errs)} error{"s" if len(errs) != 1 else ""}: '
                   f'{escape(", ".join(codes))}'
                   + (f' <span class="muted">· social worker {escape(", ".join(sws))}</span>' if sws else "")
                   + (f' <span class="tag new">{n_new} new</span>' if n_new else ""))
        out.append(f'<details class="child" id="child-{escape(child or "")}" data-child="{escape(child or "")}" '
                   f'data-search="{escape(hay)}"><summary>{summary}</summary>')
        out.append(_error_table(errs, with_child=False, compared=compared))
        out.append(child_fixes_html(fixes.get(child, [])))
        for table, (heads, trs) in rows.get(child, {}).items():
            out.append(f'<h4>{escape(table)}</h4><div class="rows"><table><thead><tr>'
                       + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr></thead><tbody>")
            for row in trs:
                flagged = cells.get((table, row[0]), {})
                tds = []
                for h, v in zip(heads, row):
                    hits = flagged.get(h)
                    text = escape("" if v is None else str(v))
                    if hits:
                        tip = escape("; ".join(f"{c}: {m}" for c, m, _ in hits), quote=True)
                        tds.append(f'<td class="flag" title="{tip}">{text}</td>')
                    else:
                        tds.append(f"<td>{text}</td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</tbody></table></div>")
        out.append("</details>")
    out.append("</div></section>")
    return "\n".join(out)


def _child_rows(data: ReportData, children: set) -> dict:
    """child -> {table: (headings, rows)} for the given children, every table, in row order."""
    out: dict = {}
    for table in data.tables:
        if table not in data.local_tables:  # a warehouse run's tables stay on the server
            continue
        heads = [h for h, _ in data.table_columns(table)]
        if "CHILD" not in heads:
            continue
        ci = heads.index("CHILD")
        for row in data.conn.execute(data.table_query(table, children_only=True)).fetchall():
            if row[ci] in children:
                out.setdefault(row[ci], {}).setdefault(table, (heads, []))[1].append(row)
    return out
