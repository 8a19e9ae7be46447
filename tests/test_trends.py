"""validate --history: the store (what it keeps, that an interrupted run leaves it as it was), the
trend page of report.html rendered in headless Chromium, the Trend sheet of report.xlsx, and
`validator903 trends` from the warehouse's v903_error_history on PostgreSQL and DuckDB."""
import csv
import json
import shutil
import zipfile
from collections import Counter
from datetime import datetime, timedelta
from html.parser import HTMLParser

import duckdb
import openpyxl
import pytest

from test_reports import ARGS, SAMPLE, cli, next_week, read_csv, render
from validator903.trend import RulePoint, Trend, TrendRun


@pytest.fixture(scope="module")
def weeks(tmp_path_factory):
    """Two runs into one history: the sample, then next week's return compared with it."""
    base = tmp_path_factory.mktemp("trends")
    hist, week1, week2 = base / "history", base / "week1", base / "week2"
    p1 = cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", *ARGS, "--output", week1,
             "--format", "csv,html,xlsx", "--history", hist, check=0)
    src = next_week(base / "next_week")
    p2 = cli("validate", src, "--previous", SAMPLE / "previous", *ARGS, "--output", week2,
             "--format", "csv,html,xlsx", "--compare-with", week1, "--history", hist, check=0)
    return {"hist": hist, "week1": week1, "week2": week2, "src2": src, "stdout1": p1.stdout, "stdout2": p2.stdout}


def store(hist):
    return duckdb.connect(str(hist / "history.duckdb"), read_only=True)


def test_history_keeps_each_runs_summary(weeks):
    assert f"wrote {weeks['hist'] / 'history.duckdb'} (run 2; 2 of 2025/26, LA 999)" in weeks["stdout2"]
    with store(weeks["hist"]) as c:
        runs = c.execute("SELECT run_id, year, la, children, rows_flagged, children_flagged, new, fixed "
                         "FROM runs ORDER BY run_id").fetchall()
        per_rule = c.execute("SELECT run_id, code, status, rows, children, new, fixed FROM rule_runs").fetchall()
    for (run_id, year, la, kids, rows, flagged, new, fixed), week in zip(runs, ("week1", "week2")):
        errors = read_csv(weeks[week] / "errors.csv")
        assert (year, la, kids) == ("2025/26", "999", 200)
        assert (rows, flagged) == (len(errors), len({e["child"] for e in errors}))
        summary = {s["code"]: s for s in read_csv(weeks[week] / "summary.csv")}
        mine = {code: (st, n, k) for rid, code, st, n, k, _, _ in per_rule if rid == run_id}
        assert mine == {code: (s["status"], int(s["count"]), len({e["child"] for e in errors if e["code"] == code}))
                        for code, s in summary.items()}
    assert runs[0][6:] == (None, None), "the first run has nothing to compare with"
    # the second run's new and fixed, per rule, are exactly what --compare-with found
    compared = read_csv(weeks["week2"] / "errors_compared.csv")
    fixed = read_csv(weeks["week2"] / "fixed.csv")
    want_new = Counter(e["code"] for e in compared if e["status"] == "new")
    want_fixed = Counter(e["code"] for e in fixed)
    got = {code: (new, fx) for rid, code, _, _, _, new, fx in per_rule if rid == 2}
    assert {c: n for c, (n, _) in got.items() if n} == dict(want_new) and want_new
    assert {c: f for c, (_, f) in got.items() if f} == dict(want_fixed) and want_fixed
    assert runs[1][6:] == (sum(want_new.values()), sum(want_fixed.values()))


def test_the_store_holds_no_child_id(weeks):
    with open(SAMPLE / "current" / "header.csv", newline="", encoding="utf-8") as f:
        children = {r["CHILD"] for r in csv.DictReader(f)}
    with store(weeks["hist"]) as c:
        text_cols = c.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE data_type = 'VARCHAR' AND NOT internal"
                              ).fetchall()
        seen = set()
        for t, col in text_cols:
            seen |= {v for (v,) in c.execute(f'SELECT DISTINCT "{col}" FROM "{t}"').fetchall() if v}
    assert children and not any(child in v for v in seen for child in children if len(child) >= 4)


def _run_inprocess(args):
    from validator903.cli import app
    return app([str(a) for a in args], standalone_mode=False)


def test_an_interrupted_run_leaves_the_store_as_it_was(weeks, tmp_path, monkeypatch):
    hist = tmp_path / "h"
    shutil.copytree(weeks["hist"], hist)
    before = (hist / "history.duckdb").read_bytes()
    from validator903 import outputs

    def interrupted(self):
        raise KeyboardInterrupt
    # the run has written its copy of the store and its reports; Ctrl+C arrives before the swap
    monkeypatch.setattr(outputs.Target, "commit", interrupted)
    # click turns Ctrl+C into exit code 130 (main() then prints "interrupted")
    assert _run_inprocess(["validate", SAMPLE / "current", *ARGS, "--output", tmp_path / "out", "-q",
                           "--history", hist]) == 130
    assert (hist / "history.duckdb").read_bytes() == before
    assert sorted(p.name for p in hist.iterdir()) == ["history.duckdb"], "no copy or lock left behind"
    monkeypatch.undo()
    # a copy left by a killed run (kill -9 leaves no chance to clean up) is removed by the next run
    (hist / ".history.duckdb.v903-99999").write_bytes(b"half a database")
    p = cli("validate", SAMPLE / "current", *ARGS, "-q", "--history", hist, check=0)
    assert sorted(p.name for p in hist.iterdir()) == ["history.duckdb"], p.stdout
    with store(hist) as c:
        assert c.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 3


def test_a_second_run_adding_at_the_same_moment_is_refused(weeks, tmp_path):
    import fcntl
    import os

    hist = tmp_path / "h"
    shutil.copytree(weeks["hist"], hist)
    before = (hist / "history.duckdb").read_bytes()
    fd = os.open(hist / ".history.duckdb.v903.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the other run holds it
        p = cli("validate", SAMPLE / "current", *ARGS, "-q", "--history", hist)
    finally:
        os.close(fd)
    assert p.returncode == 2 and "another validator903 run" in p.stderr
    assert (hist / "history.duckdb").read_bytes() == before


def test_a_store_that_is_not_ours_is_refused_and_left_alone(tmp_path):
    hist = tmp_path / "h"
    hist.mkdir()
    (hist / "history.duckdb").write_bytes(b"not a database")
    p = cli("validate", SAMPLE / "current", *ARGS, "-q", "--history", hist)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and "history.duckdb" in p.stderr
    assert (hist / "history.duckdb").read_bytes() == b"not a database"
    other = tmp_path / "other"
    other.mkdir()
    with duckdb.connect(str(other / "history.duckdb")) as c:
        c.execute("CREATE TABLE runs (x INTEGER)")
    p = cli("validate", SAMPLE / "current", *ARGS, "-q", "--history", other)
    assert p.returncode == 2 and "not a validator903 history" in p.stderr
    p = cli("validate", SAMPLE / "current", *ARGS, "-q", "--history", SAMPLE / "current")
    assert p.returncode == 2 and "input" in p.stderr


# -- the trend page and sheet ------------------------------------------------------------
class TrendDom(HTMLParser):
    """Circles per series and bars per kind inside each trend chart, as the page's script drew them."""

    def __init__(self):
        super().__init__()
        self.chart = self.series = None
        self.points, self.bars, self.ready, self.rows = {}, {}, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id") == "trends":
            self.ready = a.get("data-ready")
        if tag == "div" and "trend-chart" in (a.get("class") or "").split():
            self.chart = a["id"]
        if tag == "g" and "data-series" in a:
            self.series = a["data-series"]
        if tag == "circle" and self.chart:
            self.points.setdefault((self.chart, self.series), []).append(int(a["data-value"]))
        if tag == "rect" and self.chart:
            self.bars.setdefault((self.chart, a["class"]), []).append(int(a["data-value"]))
        if tag == "tr" and "data-run" in a:
            self.rows.append(a["data-run"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = self.series = None


def test_trend_page_renders_in_chromium(weeks):
    dom = render(weeks["week2"] / "report.html")
    t = TrendDom()
    t.feed(dom)
    assert t.ready == "yes", "the trend script ran to the end"
    with store(weeks["hist"]) as c:
        rows, kids = zip(*c.execute("SELECT rows_flagged, children_flagged FROM runs ORDER BY run_id").fetchall())
        new, fixed = c.execute("SELECT new, fixed FROM runs WHERE run_id = 2").fetchone()
        top = c.execute("SELECT code, children FROM rule_runs WHERE run_id = 2 AND children > 0 "
                        "ORDER BY children DESC, code LIMIT 6").fetchall()
    assert t.points[("trend-totals", "rows")] == list(rows)
    assert t.points[("trend-totals", "children")] == list(kids)
    drawn = [s for (chart, s) in t.points if chart == "trend-rules"]
    assert len(drawn) == 6 and drawn[0] == top[0][0]
    assert t.points[("trend-rules", top[0][0])][-1] == top[0][1]
    # both runs fall in one week: one pair of bars, the second run's new and fixed
    assert t.bars[("trend-weekly", "new")] == [new] and t.bars[("trend-weekly", "fixed")] == [fixed]
    assert t.rows == ["1", "2"]
    text = (weeks["week2"] / "report.html").read_text(encoding="utf-8")
    assert "http:" not in text and "https:" not in text, "self-contained: nothing fetched when viewed"


def test_trend_sheet_in_the_workbook(weeks):
    wb = openpyxl.load_workbook(weeks["week2"] / "report.xlsx")
    assert wb.sheetnames[:2] == ["Summary", "Trend"]
    ws = wb["Trend"]
    runs = [r for r in ws.iter_rows(min_row=4, max_row=5, values_only=True)]
    errors = [read_csv(weeks[w] / "errors.csv") for w in ("week1", "week2")]
    assert [(r[1], r[2], r[3]) for r in runs] == [(200, len(e), len({x["child"] for x in e})) for e in errors]
    assert all(isinstance(r[0], datetime) for r in runs)
    with zipfile.ZipFile(weeks["week2"] / "report.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3, "runs, top rules and weekly new/fixed, each as a native chart"


def test_weekly_sums_the_runs_of_each_iso_week():
    monday = datetime(2025, 4, 7, 9)
    runs = [TrendRun(1, monday, "2025/26", "999", 100, 50, 30),
            TrendRun(2, monday + timedelta(days=2), "2025/26", "999", 100, 45, 28, new=3, fixed=8),
            TrendRun(3, monday + timedelta(days=6, hours=10), "2025/26", "999", 100, 40, 25, new=1, fixed=6),
            TrendRun(4, monday + timedelta(days=7), "2025/26", "999", 100, 41, 25, new=2, fixed=1)]
    t = Trend(runs)
    assert [(d.isoformat(), n, f) for d, n, f in t.weekly()] == [("2025-04-07", 4, 14), ("2025-04-14", 2, 1)]
    runs[-1].rules = {"103": RulePoint(9, 9), "101": RulePoint(2, 2)}
    runs[0].rules = {"101": RulePoint(20, 20), "555": RulePoint(0, 0)}
    assert t.top_rules() == ["103", "101"], "latest run first, then the peak; never a rule that flagged nothing"


# -- the warehouse's history -------------------------------------------------------------
def _expected_trend(rows):
    """new/fixed per snapshot from the raw history rows, matched on (code, table, child, natural key, occurrence)."""
    keys: dict[int, Counter] = {}
    for sid, code, table, child, nkey in rows:
        keys.setdefault(sid, Counter())[(code, table, child or "-", nkey or "-")] += 1
    ids = sorted(keys)

    def expand(c):
        return {(k, i) for k, n in c.items() for i in range(n)}
    out = {}
    for prev, cur in zip(ids, ids[1:]):
        a, b = expand(keys[prev]), expand(keys[cur])
        out[cur] = (len(b - a), len(a - b))
    return ids, out


def _check_trends_cli(url, schema, history_rows, tmp_path):
    out_html, out_xlsx = tmp_path / "trend.html", tmp_path / "trend.xlsx"
    p = cli("trends", "--url", url, "--schema", schema, "--out", out_html, "--out", out_xlsx)
    assert p.returncode == 0, p.stderr
    ids, changes = _expected_trend(history_rows)
    t = TrendDom()
    t.feed(render(out_html))
    assert t.ready == "yes"
    per_snapshot = Counter(sid for sid, *_ in history_rows)
    assert t.points[("trend-totals", "rows")] == [per_snapshot[i] for i in ids]
    new, fixed = changes[ids[-1]]
    assert new > 0 and fixed > 0, "the second snapshot both fixes and breaks something"
    assert t.bars[("trend-weekly", "new")] == [new] and t.bars[("trend-weekly", "fixed")] == [fixed]
    wb = openpyxl.load_workbook(out_xlsx)
    assert [r[2] for r in wb["Trend"].iter_rows(min_row=4, max_row=3 + len(ids), values_only=True)] == \
           [per_snapshot[i] for i in ids]


# what "next week" changes in the warehouse: 101 fixed for one child, a new 103 for another
from test_reports import FIXED_CHILD, NEW_CHILD  # noqa: E402


def test_trends_from_the_warehouse_history_on_postgres(council_db, pg_dsn, tmp_path):
    """A real snapshot, then a week later a second one as `snapshot` would append it after next
    week's load: one child's 101 gone, a new 103 for another (written into the history table
    directly: the trend reads only v903_error_history, the BI contract)."""
    import psycopg

    url, mapping = council_db
    schema = "v903_trend_test"
    assert cli("run", "--url", url, "--year", "2025/26", "--la", "999", "--mapping", mapping, "--deploy",
               "--schema", schema, "-q").returncode == 0
    h = f"{schema}.v903_error_history"
    with psycopg.connect(pg_dsn, autocommit=True) as pg:
        try:
            assert cli("snapshot", "--url", url, "--schema", schema).returncode == 0
            cols = [d.name for d in pg.execute(f"SELECT * FROM {h} LIMIT 0").description][2:]
            rest = ", ".join(cols)
            pg.execute(f"INSERT INTO {h} (snapshot_id, snapshot_at, {rest}) SELECT 2, snapshot_at + INTERVAL '7 days', "
                       f"{rest} FROM {h} WHERE snapshot_id = 1 AND NOT (code = '101' AND child = %s)", [FIXED_CHILD])
            new_row = ", ".join("'103'" if c == "code" else "99999" if c == "row_no" else "%s" if c == "child" else c
                                for c in cols)
            pg.execute(f"INSERT INTO {h} (snapshot_id, snapshot_at, {rest}) SELECT 2, snapshot_at + INTERVAL '7 days', "
                       f"{new_row} FROM {h} WHERE snapshot_id = 1 AND table_name = 'header' LIMIT 1", [NEW_CHILD])
            rows = pg.execute(f"SELECT snapshot_id, code, table_name, child, natural_key FROM {h}").fetchall()
            assert {sid for sid, *_ in rows} == {1, 2}
            _check_trends_cli(url, schema, rows, tmp_path)
        finally:
            pg.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_trends_from_the_warehouse_history_on_duckdb(tmp_path):
    from validator903.load import load_all

    db = tmp_path / "council.duckdb"
    with duckdb.connect(str(db)) as conn:
        load_all(conn, [SAMPLE / "current"], None)
        for (name,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'raw'").fetchall():
            conn.execute(f"CREATE TABLE main.{name} AS SELECT * FROM raw.{name}")
    url = f"duckdb:///{db}"
    assert cli("run", "--url", url, "--year", "2025/26", "--la", "999", "--source-schema", "main", "--deploy",
               "-q").returncode == 0
    assert cli("snapshot", "--url", url).returncode == 0
    with duckdb.connect(str(db)) as conn:
        conn.execute("UPDATE main.header SET SEX = 'F' WHERE CHILD = ?", [FIXED_CHILD])
        conn.execute("UPDATE main.header SET ETHNIC = '' WHERE CHILD = ?", [NEW_CHILD])
    assert cli("snapshot", "--url", url).returncode == 0
    with duckdb.connect(str(db)) as conn:
        rows = conn.execute("SELECT snapshot_id, code, table_name, child, natural_key "
                            "FROM ssda903.v903_error_history").fetchall()
    _check_trends_cli(url, "ssda903", rows, tmp_path)


def test_trends_needs_one_source_and_snapshots(tmp_path):
    p = cli("trends", "--out", tmp_path / "t.html")
    assert p.returncode == 2 and "--url" in p.stderr
    p = cli("trends", "--history", tmp_path, "--out", tmp_path / "t.pdf")
    assert p.returncode == 2 and ".html or .xlsx" in p.stderr
    p = cli("trends", "--history", tmp_path, "--out", tmp_path / "t.html")
    assert p.returncode == 2 and "no history.duckdb" in p.stderr and not (tmp_path / "t.html").exists()


from test_warehouse import council_db  # noqa: E402,F401  (the sample as the council's tables on PostgreSQL)
