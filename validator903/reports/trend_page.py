"""The trend page of report.html (``--history``) and of ``validator903 trends --out trends.html``.

Three charts, drawn as inline SVG by the page's own script from JSON embedded in the page, as the
rest of report.html is (nothing fetched when the page is viewed): rows flagged and children with
errors per run; the children flagged by the top rules over time; errors new and fixed per week.
Under them the same figures as a table, for screen readers and for copying.
"""
from __future__ import annotations

import json
from html import escape

from ..trend import Trend

CSS = """
#trends .trend-charts { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
@media (max-width: 900px) { #trends .trend-charts { grid-template-columns: 1fr; } }
#trends svg { max-width: 100%; height: auto; display: block; }
#trends text { font-size: 11px; fill: #5f6368; }
#trends .axis { stroke: #d9dce1; }
#trends .line { fill: none; stroke-width: 2; }
#trends .s0 { stroke: #3367d6; fill: #3367d6; } #trends .s1 { stroke: #b3261e; fill: #b3261e; }
#trends .s2 { stroke: #1e6b35; fill: #1e6b35; } #trends .s3 { stroke: #e37400; fill: #e37400; }
#trends .s4 { stroke: #7b1fa2; fill: #7b1fa2; } #trends .s5 { stroke: #00838f; fill: #00838f; }
#trends path.line { fill: none; }
#trends rect.new { fill: #e37400; } #trends rect.fixed { fill: #1e6b35; }
#trends .key { font-size: 12px; color: #5f6368; margin: 4px 0; }
#trends .key i { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
"""

SCRIPT = r"""
(function () {
  var t = JSON.parse(document.getElementById('trend-data').textContent);
  // the SVG namespace, from the parser (the page names no URL at all)
  var probe = document.createElement('div'); probe.innerHTML = '<svg></svg>';
  var NS = probe.firstChild.namespaceURI;
  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function frame(id, n, max) {
    var box = document.getElementById(id), w = Math.max(360, box.clientWidth || 560), h = 240;
    var m = {l: 44, r: 36, t: 10, b: 34}, svg = el('svg', {width: w, height: h, viewBox: '0 0 ' + w + ' ' + h,
      role: 'img', 'aria-label': box.getAttribute('data-label')});
    max = Math.max(1, max);
    // round ticks: 1, 2 or 5 times a power of ten, whole numbers (the values are counts)
    var raw = max / 4, p = Math.pow(10, Math.floor(Math.log10(raw))), step = 1;
    [1, 2, 5, 10].some(function (k) { step = k * p; return step >= raw; });
    step = Math.max(1, step);
    var top = Math.ceil(max / step) * step, ticks = [];
    for (var v = 0; v <= top; v += step) ticks.push(v);
    var f = {svg: svg, w: w, h: h, m: m,
      x: function (i) { return m.l + (n <= 1 ? (w - m.l - m.r) / 2 : i * (w - m.l - m.r) / (n - 1)); },
      y: function (v) { return h - m.b - v * (h - m.t - m.b) / top; }};
    ticks.forEach(function (v) {
      svg.appendChild(el('line', {'class': 'axis', x1: m.l, x2: w - m.r, y1: f.y(v), y2: f.y(v)}));
      svg.appendChild(el('text', {x: m.l - 4, y: f.y(v) + 4, 'text-anchor': 'end'}, v.toLocaleString()));
    });
    box.innerHTML = '';
    box.appendChild(svg);
    return f;
  }
  function xlabels(f, labels) {
    var every = Math.max(1, Math.ceil(labels.length / 8));
    labels.forEach(function (s, i) {
      if (i % every === 0 || i === labels.length - 1)
        f.svg.appendChild(el('text', {x: f.x(i), y: f.h - f.m.b + 16, 'text-anchor': 'middle'}, s));
    });
  }
  // one line per series; a point per run, with its value in a tooltip; gaps where a value is null
  function lines(id, series) {
    var n = t.runs.length, max = 0;
    series.forEach(function (s) { s.values.forEach(function (v) { if (v != null && v > max) max = v; }); });
    var f = frame(id, n, max);
    series.forEach(function (s, k) {
      var d = '', g = el('g', {'class': 'series', 'data-series': s.key});
      s.values.forEach(function (v, i) {
        if (v == null) return;
        d += (d && s.values[i - 1] != null ? 'L' : 'M') + f.x(i).toFixed(1) + ',' + f.y(v).toFixed(1);
      });
      g.appendChild(el('path', {'class': 'line s' + (k % 6), d: d}));
      s.values.forEach(function (v, i) {
        if (v == null) return;
        var c = el('circle', {'class': 'point s' + (k % 6), cx: f.x(i), cy: f.y(v), r: 3.5, 'data-value': v});
        c.appendChild(el('title', {}, s.name + ', ' + t.runs[i].label + ': ' + v.toLocaleString()));
        g.appendChild(c);
      });
      f.svg.appendChild(g);
    });
    xlabels(f, t.runs.map(function (r) { return r.short; }));
  }
  function weekly(id) {
    var weeks = t.weeks, max = 0;
    weeks.forEach(function (w) { max = Math.max(max, w.new, w.fixed); });
    if (!weeks.length) {
      document.getElementById(id).innerHTML = '<p class="muted">New and fixed are counted from the second run on.</p>';
      return;
    }
    var f = frame(id, weeks.length + 1, max), slot = (f.w - f.m.l - f.m.r) / weeks.length, bw = Math.min(18, slot / 3);
    f.x = function (i) { return f.m.l + slot * (i + 0.5); };
    weeks.forEach(function (w, i) {
      [['new', w.new, -bw], ['fixed', w.fixed, 0]].forEach(function (b) {
        var r = el('rect', {'class': b[0], x: f.x(i) + b[2], y: f.y(b[1]), width: bw, height: f.y(0) - f.y(b[1]),
                            'data-week': w.week, 'data-value': b[1]});
        r.appendChild(el('title', {}, 'week of ' + w.week + ': ' + b[1].toLocaleString() + ' ' + b[0]));
        f.svg.appendChild(r);
      });
    });
    xlabels(f, weeks.map(function (w) { return w.short; }));
  }
  lines('trend-totals', [{key: 'rows', name: 'rows flagged', values: t.runs.map(function (r) { return r.rows; })},
                         {key: 'children', name: 'children with errors',
                          values: t.runs.map(function (r) { return r.children; })}]);
  lines('trend-rules', t.top.map(function (r) { return {key: r.code, name: r.label, values: r.children}; }));
  weekly('trend-weekly');
  document.getElementById('trends').setAttribute('data-ready', 'yes');
})();
"""


def _json_script(obj) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def trend_payload(trend: Trend) -> dict:
    """What the script draws (also what the tests compare the rendered page with)."""
    runs = trend.runs
    top = trend.top_rules()
    # the axis says the day; the time too when two runs share one
    short = "%d %b" if len({r.run_at.date() for r in runs}) == len(runs) else "%d %b %H:%M"
    return {
        "runs": [{"label": r.run_at.strftime("%d/%m/%Y %H:%M"), "short": r.run_at.strftime(short),
                  "rows": r.rows_flagged, "children": r.children_flagged} for r in runs],
        "top": [{"code": c, "label": trend.label(c),
                 "children": [r.rules[c].children if c in r.rules and r.rules[c].status == "ran" else None
                              for r in runs]} for c in top],
        "weeks": [{"week": d.isoformat(), "short": d.strftime("%d %b"), "new": n, "fixed": f}
                  for d, n, f in trend.weekly()],
    }


def _num(v) -> str:
    return "–" if v is None else f"{v:,}"


def trend_section(trend: Trend) -> str:
    runs = trend.runs
    first, last = runs[0], runs[-1]
    span = (f"{len(runs)} runs from {first.run_at:%d/%m/%Y} to {last.run_at:%d/%m/%Y}" if len(runs) > 1
            else "1 run so far: the trend grows with each run kept in the history")
    colours = ["#3367d6", "#b3261e", "#1e6b35", "#e37400", "#7b1fa2", "#00838f"]
    swatch = lambda i, text: (f'<i style="background:{colours[i % 6]}"></i>{escape(text)}')
    out = [f"<style>{CSS}</style>",
           '<section id="trends"><h2>Trend over the year</h2>',
           f'<p class="sub">{escape(span)} of {escape(last.year or "")}'
           + (f", LA {escape(last.la)}" if last.la else "") + f" ({escape(trend.source)}).</p>",
           '<div class="trend-charts">',
           '<div><h4>Rows flagged and children with errors, per run</h4><p class="key">'
           + swatch(0, "rows flagged") + swatch(1, "children with errors") + "</p>"
           '<div id="trend-totals" class="trend-chart" data-label="rows flagged and children with errors per run"></div></div>',
           '<div><h4>Children flagged by the top rules, per run</h4><p class="key">'
           + "".join(swatch(i, trend.label(c)) for i, c in enumerate(trend.top_rules())) + "</p>"
           '<div id="trend-rules" class="trend-chart" data-label="children flagged by the top rules per run"></div></div>',
           '<div><h4>Errors new and fixed, per week</h4><p class="key">'
           '<i style="background:#e37400"></i>new<i style="background:#1e6b35"></i>fixed</p>'
           '<div id="trend-weekly" class="trend-chart" data-label="errors new and fixed per week"></div></div>',
           "</div>"]
    out.append('<details><summary>The runs as a table</summary><table id="trend-table"><thead><tr><th>run</th>'
               '<th class="num">children in the return</th><th class="num">rows flagged</th>'
               '<th class="num">children with errors</th><th class="num">new</th><th class="num">fixed</th>'
               "</tr></thead><tbody>")
    for r in runs:
        out.append(f'<tr data-run="{r.run_id}"><td>{r.run_at:%d/%m/%Y %H:%M}</td><td class="num">{_num(r.children)}</td>'
                   f'<td class="num">{_num(r.rows_flagged)}</td><td class="num">{_num(r.children_flagged)}</td>'
                   f'<td class="num">{_num(r.new)}</td><td class="num">{_num(r.fixed)}</td></tr>')
    out.append("</tbody></table></details>")
    out.append(f'<script type="application/json" id="trend-data">{_json_script(trend_payload(trend))}</script>')
    out.append(f"<script>{SCRIPT}</script></section>")
    return "\n".join(out)


def write_trend_page(trend: Trend, path, title: str) -> None:
    """A page of its own (``validator903 trends``): the report's look, only the trend."""
    from .html_report import CSS as REPORT_CSS

    text = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{REPORT_CSS}</style></head><body>"
            f"<h1>{escape(title)}</h1>\n" + trend_section(trend) + "\n</body></html>\n")
    path.write_text(text, encoding="utf-8")
