"""The reports analysts act on, read back as a user's tools would: report.xlsx with openpyxl,
report.html with html.parser and in headless Chromium, errors.json, the comparison with an earlier
run and the per-social-worker lists — all from the bundled sample."""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from validator903.reports.by_social_worker import _file_name
from validator903.resources import sample_dir
from validator903.rules import all_rules
from validator903.tables import BY_NAME

SAMPLE = sample_dir()
ARGS = ["--year", "2025/26", "--la", "999"]
FIXED_CHILD = "101124"   # its SEX X (rule 101) is corrected in "next week's" return
# what that correction fixes: not a valid code (101), and not last year's sex (202)
FIXED_ERRORS = [("101", FIXED_CHILD), ("202", FIXED_CHILD)]
NEW_CHILD = "100002"     # its ETHNIC is blanked there: a new 103
# what that blank ETHNIC newly breaks: not a valid code (103), and not last year's code (204)
NEW_ERRORS = [("103", NEW_CHILD), ("204", NEW_CHILD)]


def cli(*args, check=None):
    p = subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "200"})  # rich wraps table cells at the terminal width
    if check is not None:
        assert p.returncode == check, p.stderr
    return p


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def next_week(folder: Path) -> Path:
    """The sample a week later: one error fixed, one new, and header and episodes re-sorted (the
    last row moved first) so every row number changes."""
    shutil.copytree(SAMPLE / "current", folder)
    for name in ("header.csv", "episodes.csv"):
        with open(folder / name, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, data = rows[0], rows[1:]
        if name == "header.csv":
            for r in data:
                if r[0] == FIXED_CHILD:
                    assert r[1] == "X"
                    r[1] = "F"  # a girl with MOTHER 0 (a boy with MOTHER filled in is rule 165's error)
                if r[0] == NEW_CHILD:
                    r[3] = ""
        write_csv(folder / name, header, [data[-1]] + data[:-1])
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """week1: the sample with every format; week2: next week's return compared with week1."""
    base = tmp_path_factory.mktemp("reports")
    week1, week2 = base / "week1", base / "week2"
    p1 = cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", *ARGS, "--output", week1,
             "--format", "csv,xlsx,html", "--format", "json", "--by-social-worker", week1 / "sw", check=0)
    src = next_week(base / "next_week")
    p2 = cli("validate", src, "--previous", SAMPLE / "previous", *ARGS, "--output", week2,
             "--format", "csv,xlsx,html,json", "--compare-with", week1, "--by-social-worker", week2 / "sw", check=0)
    return {"week1": week1, "week2": week2, "stdout1": p1.stdout, "stdout2": p2.stdout, "src2": src}


def sheet_rows(ws, header_row=1):
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    heads = list(rows[0])
    return [dict(zip(heads, r)) for r in rows[1:]]


# -- csv -----------------------------------------------------------------------------------
def test_csv_contract_files_are_unchanged_by_other_formats(runs, tmp_path):
    cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", *ARGS, "--output", tmp_path, "-q", check=0)
    for name in ("errors.csv", "summary.csv"):
        assert (runs["week1"] / name).read_bytes() == (tmp_path / name).read_bytes()
    assert list(read_csv(tmp_path / "errors.csv")[0]) == ["code", "table", "row", "child", "message", "fields"]
    assert not (tmp_path / "report.xlsx").exists()


def test_console_shows_top_rules_and_every_report_written(runs):
    out = runs["stdout1"]
    top = max(read_csv(runs["week1"] / "summary.csv"), key=lambda s: int(s["count"]))
    assert "Top 10 rules by rows flagged" in out and top["message"] in " ".join(out.split())
    for name in ("errors.csv", "summary.csv", "report.xlsx", "report.html", "errors.json", "validation.duckdb",
                 "sw/index.csv", "sw/unassigned.csv"):
        assert f"wrote {runs['week1'] / name}" in out, name
    assert "Compared with" in runs["stdout2"] and f"{len(FIXED_ERRORS)} fixed" in " ".join(runs["stdout2"].split())


# -- xlsx ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wb1(runs):
    return openpyxl.load_workbook(runs["week1"] / "report.xlsx")


def test_xlsx_summary_has_every_rule(runs, wb1):
    ws = wb1["Summary"]
    assert ws["A1"].value == "SSDA903 validation 2025/26, LA 999"
    head = next(i for i, r in enumerate(ws.iter_rows(values_only=True), 1) if r[0] == "code")
    rules = sheet_rows(ws, head)
    summary = read_csv(runs["week1"] / "summary.csv")
    assert [(r["code"], r["message"], r["count"], r["status"]) for r in rules] == \
           [(r["code"], r["message"], int(r["count"]), r["status"]) for r in summary]
    assert all(r["fields"] for r in rules)
    assert ws.auto_filter.ref.startswith(f"A{head}:")
    figures = {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_row=head - 1, values_only=True) if r[0]}
    assert figures["Children"] == 200 and figures["Rows flagged"] == len(read_csv(runs["week1"] / "errors.csv"))


def test_xlsx_errors_sheet_one_row_per_flagged_row(runs, wb1):
    errors = read_csv(runs["week1"] / "errors.csv")
    rows = sheet_rows(wb1["Errors"])
    assert list(rows[0])[:8] == ["child", "table", "row", "code", "message", "fields", "values", "locator"]
    assert [(r["code"], r["table"], r["row"], r["child"], r["message"]) for r in rows] == \
           [(e["code"], e["table"], int(e["row"]), e["child"], e["message"]) for e in errors]
    sex = next(r for r in rows if r["code"] == "101" and r["child"] == FIXED_CHILD)
    assert sex["values"] == "SEX: X" and sex["locator"] is None
    for r in rows:
        if r["table"] == "episodes":
            assert r["locator"].startswith("DECOM ")
        assert r["values"] is None or ": " in r["values"]
    link = wb1["Errors"].cell(2, 3).hyperlink
    assert link is not None and link.location == f"'{rows[0]['table']}'!A{rows[0]['row'] + 1}"
    assert wb1["Errors"].freeze_panes == "A2"


def test_xlsx_children_sheet(runs, wb1):
    errors = read_csv(runs["week1"] / "errors.csv")
    per_child = Counter(e["child"] for e in errors)
    rows = sheet_rows(wb1["Children"])
    assert len(rows) == 200 and len({r["child"] for r in rows}) == 200
    for r in rows:
        assert r["errors"] == per_child.get(r["child"], 0)
        codes = {e["code"] for e in errors if e["child"] == r["child"]}
        assert set(filter(None, (r["codes"] or "").split(", "))) == codes
        if not codes:  # a blank cell, not empty text: Excel's COUNTA and ISBLANK see no codes
            assert r["codes"] is None and r["tables"] is None
    assert any(r["errors"] == 0 for r in rows)


def test_xlsx_one_sheet_per_table_with_flagged_cells_marked(runs, wb1):
    import duckdb

    db = duckdb.connect(str(runs["week1"] / "validation.duckdb"), read_only=True)
    from validator903.derived import derived_names

    inputs = [t for (t,) in db.execute("SHOW TABLES").fetchall() if t not in ("errors", "rule_results", "run_info", "fixes")]
    from validator903.tables import is_reference

    # derived relations and reference data (la_codes) are for analysts' queries, not the return's sheets
    tables = [t for t in inputs if t not in derived_names() and not is_reference(t)]
    assert set(tables) <= set(wb1.sheetnames) and "episodes_last" in tables
    for t in tables:
        ws = wb1[t]
        assert ws.max_row == db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] + 1
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert ws["A1"].value == "ROW" and ws["B1"].value == "CHILD"
    ws = wb1["header"]
    heads = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == FIXED_CHILD)
    sex = row[heads.index("SEX")]
    assert sex.value == "X" and sex.fill.fgColor.rgb.endswith("FFC7CE")
    assert "101: The child or young person’s reported sex is not valid." in sex.comment.text
    assert row[heads.index("ETHNIC")].comment is None
    # every flagged row has a marked, commented cell naming each of its codes
    errors = read_csv(runs["week1"] / "errors.csv")
    for e in errors:
        cells = wb1[e["table"]][int(e["row"]) + 1]
        comments = " ".join(c.comment.text for c in cells if c.comment)
        assert f"{e['code']}: " in comments, e
    # dates appear as written in the file, codes as text
    ep = wb1["episodes"]
    assert all(isinstance(c.value, str) for c in ep[2][1:] if c.value is not None)


# -- html ----------------------------------------------------------------------------------
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures, self.urls, self.children, self.not_run, self.scripts = {}, [], [], [], 0
        self._fig = None
        self._in_value = False
        self._in_not_run = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href"):
            if a.get(k):
                self.urls.append(a[k])
        if tag == "link":
            self.urls.append(a.get("href", ""))
        if tag == "script":
            self.scripts += 1
        if "data-figure" in a:
            self._fig = a["data-figure"]
        if tag == "span" and a.get("class") == "value" and self._fig:
            self._in_value = True
        if tag == "details" and "child" in (a.get("class") or "").split():
            self.children.append(a)
        if tag == "section" and a.get("id") == "not-run":
            self._in_not_run = True
        if tag == "section" and a.get("id") != "not-run":
            self._in_not_run = False
        if tag == "tr" and self._in_not_run and "data-code" in a:
            self.not_run.append(a["data-code"])

    def handle_data(self, data):
        if self._in_value:
            self.figures[self._fig] = data
            self._in_value = False
            self._fig = None


def parse_html(path):
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_html_is_self_contained_with_figures_and_children(runs):
    text = (runs["week1"] / "report.html").read_text(encoding="utf-8")
    assert "http:" not in text and "https:" not in text and "//cdn" not in text
    page = parse_html(runs["week1"] / "report.html")
    assert page.urls == [], "no external (or any) linked resources"
    errors = read_csv(runs["week1"] / "errors.csv")
    assert page.figures["children"] == "200"
    assert page.figures["rows_flagged"] == f"{len(errors):,}"
    assert page.figures["children_flagged"] == str(len({e["child"] for e in errors}))
    summary = read_csv(runs["week1"] / "summary.csv")
    assert page.figures["rules_ran"] == str(sum(s["status"] == "ran" for s in summary))
    assert page.figures["rules_skipped"] == str(sum(s["status"].startswith("skipped") for s in summary))
    assert {c["data-child"] for c in page.children} == {e["child"] for e in errors}
    kid = next(c for c in page.children if c["data-child"] == FIXED_CHILD)
    assert {"rule:101", "table:header"} <= set(kid["data-search"].split())
    # the flagged SEX cell names 101 (and 202 too, when last year's return has another SEX)
    assert re.search(r'<td class="flag" title="101: The child or young person’s reported sex is not valid\.'
                     r'(; [^"]*)?">X</td>', text)


def chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI (.ci/run installs Debian's chromium)")
        pytest.skip("no chromium here (apt-get install chromium)")
    return exe


def render(path: Path, fragment: str = "") -> str:
    """The DOM after the page's scripts ran, from headless Chromium."""
    profile = tempfile.mkdtemp(prefix="v903_chromium_")
    try:
        p = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", f"--user-data-dir={profile}", "--window-size=1280,1000",
                            "--dump-dom", path.resolve().as_uri() + fragment],
                           capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


class Rendered(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs, self.bars, self.items, self.ready = {}, Counter(), {}, None
        self.labels, self.counts, self._text = {}, {}, None
        self._chart = None
        self.figures = {}
        self._fig = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.ready = a.get("data-ready")
        if tag == "div" and a.get("class") == "chart":
            self._chart = a.get("id")
        if tag == "svg" and self._chart:
            self.svgs[self._chart] = a
        if tag == "g" and self._chart:
            for k, v in a.items():
                if k.startswith("data-"):
                    self.items.setdefault(self._chart, []).append(v)
        if tag == "rect" and self._chart:
            self.bars[(self._chart, a.get("class"))] += 1
        if tag == "text" and self._chart:
            self._text = {"label": self.labels, "count": self.counts}.get(a.get("class"))
        if "data-figure" in a:
            self._fig = a["data-figure"]

    def handle_endtag(self, tag):
        if tag == "svg":
            self._chart = None

    def handle_data(self, data):
        if self._text is not None and self._chart:
            self._text.setdefault(self._chart, []).append(data)
            self._text = None
        if self._fig and data.strip():
            self.figures[self._fig] = data.strip()
            self._fig = None


def test_html_renders_figures_and_charts_in_chromium(runs):
    dom = render(runs["week1"] / "report.html")
    r = Rendered()
    r.feed(dom)
    assert r.ready == "yes", "the inline script ran to the end"
    summary = read_csv(runs["week1"] / "summary.csv")
    errors = read_csv(runs["week1"] / "errors.csv")
    children = {s["code"]: len({e["child"] for e in errors if e["code"] == s["code"]}) for s in summary}
    hit = sorted((s for s in summary if int(s["count"])), key=lambda s: (-children[s["code"]], -int(s["count"])))
    assert set(r.svgs) == {"chart-rules", "chart-tables"}
    assert r.items["chart-rules"] == [s["code"] for s in hit]
    assert r.bars[("chart-rules", "bar")] == len(hit)
    # each bar is labelled with the rule's code and name and counts children, not rows
    names = {rule.code: rule.name.replace("_", " ") for rule in all_rules()}
    top = hit[0]["code"]
    assert r.labels["chart-rules"][0] == f"{top} {names[top]}"[:37] + ("…" if len(f"{top} {names[top]}") > 38 else "")
    assert r.counts["chart-rules"] == [f"{children[s['code']]} {'child' if children[s['code']] == 1 else 'children'}"
                                       for s in hit]
    assert set(r.items["chart-tables"]) == {e["table"] for e in errors}
    assert r.figures["rows_flagged"].replace(",", "") == str(len(errors)) and r.figures["children"] == "200"
    flagged = len({e["child"] for e in errors})
    assert "Errors by rule" in dom and f"{flagged} of {flagged} children shown" in dom


def test_html_search_filters_children_in_chromium(runs):
    """report.html#q=… starts with that search: rule:CODE keeps exactly the children CODE flagged."""
    errors = read_csv(runs["week1"] / "errors.csv")
    code = Counter(e["code"] for e in errors).most_common(1)[0][0]   # a rule that flags several children
    flagged = {e["child"] for e in errors if e["code"] == code}
    assert len(flagged) > 1
    dom = render(runs["week1"] / "report.html", f"#q=rule:{code}")
    shown = [a for a in _details(dom) if "hidden" not in a]
    assert {a["data-child"] for a in shown} == flagged
    assert f"{len(flagged)} of {len({e['child'] for e in errors})} children shown" in dom


def _details(dom):
    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "details" and "child" in (dict(attrs).get("class") or ""):
                found.append(dict(attrs))
    P().feed(dom)
    return found


# -- json ----------------------------------------------------------------------------------
def test_json_matches_errors_csv(runs):
    doc = json.loads((runs["week1"] / "errors.json").read_text(encoding="utf-8"))
    errors = read_csv(runs["week1"] / "errors.csv")
    assert [(e["code"], e["table"], e["row"], e["child"]) for e in doc["errors"]] == \
           [(e["code"], e["table"], int(e["row"]), e["child"]) for e in errors]
    sex = next(e for e in doc["errors"] if e["code"] == "101" and e["child"] == FIXED_CHILD)
    assert sex["values"] == {"SEX": "X"} and sex["fields"] == ["SEX"]
    assert doc["run"]["rows_flagged"] == len(errors)
    assert len(doc["rules"]) == len(read_csv(runs["week1"] / "summary.csv"))  # every rule of the year
    assert "status" not in doc["errors"][0] and "fixed" not in doc


# -- comparison with an earlier run --------------------------------------------------------
def test_compare_marks_new_open_and_fixed_in_csv(runs):
    week1 = read_csv(runs["week1"] / "errors.csv")
    week2 = read_csv(runs["week2"] / "errors.csv")
    compared = read_csv(runs["week2"] / "errors_compared.csv")
    assert list(compared[0]) == ["code", "table", "row", "child", "message", "fields", "values", "locator", "status"]
    assert [{k: r[k] for k in ("code", "table", "row", "child")} for r in compared] == \
           [{k: r[k] for k in ("code", "table", "row", "child")} for r in week2]
    new = [(r["code"], r["child"]) for r in compared if r["status"] == "new"]
    assert new == NEW_ERRORS
    assert all(r["status"] == "open" for r in compared if r["child"] != NEW_CHILD)
    # row numbers moved (last row first) yet the same errors are still open
    moved = {(e["code"], e["child"]) for e in week1} - set(FIXED_ERRORS)
    assert {(r["code"], r["child"]) for r in compared if r["status"] == "open"} == moved
    assert any(r["table"] == "header" and r["row"] != w["row"] and r["child"] == w["child"] and r["code"] == w["code"]
               for r in compared for w in week1)
    fixed = read_csv(runs["week2"] / "fixed.csv")
    assert [(f["code"], f["child"], f["values"]) for f in fixed] == [(c, k, "SEX: X") for c, k in FIXED_ERRORS]


def test_compare_in_xlsx_html_json(runs):
    wb = openpyxl.load_workbook(runs["week2"] / "report.xlsx")
    rows = sheet_rows(wb["Errors"])
    assert Counter(r["status"] for r in rows) == Counter({"open": len(rows) - len(NEW_ERRORS), "new": len(NEW_ERRORS)})
    assert [(r["code"], r["child"]) for r in sheet_rows(wb["Fixed"])] == FIXED_ERRORS
    ws = wb["Summary"]
    figures = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert figures["New errors"] == len(NEW_ERRORS) and figures["Fixed since then"] == len(FIXED_ERRORS)
    comment = next(c.comment.text for r in wb["header"].iter_rows() for c in r if c.comment and "103 (new)" in c.comment.text)
    assert comment

    page = parse_html(runs["week2"] / "report.html")
    assert page.figures["new"] == str(len(NEW_ERRORS)) and page.figures["fixed"] == str(len(FIXED_ERRORS))
    assert page.figures["open"].replace(",", "") == str(len(rows) - len(NEW_ERRORS))
    text = (runs["week2"] / "report.html").read_text(encoding="utf-8")
    assert '<section id="fixed">' in text and '<span class="tag new">new</span>' in text

    doc = json.loads((runs["week2"] / "errors.json").read_text(encoding="utf-8"))
    assert {e["status"] for e in doc["errors"]} == {"new", "open"}
    assert [(f["code"], f["child"]) for f in doc["fixed"]] == FIXED_ERRORS
    assert doc["run"]["new"] == len(NEW_ERRORS) and doc["run"]["fixed"] == len(FIXED_ERRORS)


def test_compare_with_its_own_output_folder(tmp_path):
    """Weekly use: --output and --compare-with the same folder (the earlier database is read first)."""
    args = ["validate", SAMPLE / "current", "--previous", SAMPLE / "previous", *ARGS, "--output", tmp_path, "-q"]
    cli(*args, check=0)
    cli(*args, "--compare-with", tmp_path, check=0)
    assert {r["status"] for r in read_csv(tmp_path / "errors_compared.csv")} == {"open"}
    assert read_csv(tmp_path / "fixed.csv") == []


def test_rules_that_did_not_run_are_not_fixed(runs, tmp_path):
    """Only header.csv and two rules: 358 is skipped (no episodes) and the other rules are not
    chosen, so none of their earlier errors counts as fixed; 101 ran and still flags its rows."""
    p = cli("validate", SAMPLE / "current" / "header.csv", *ARGS, "--rules", "101,358", "--output", tmp_path,
            "--format", "csv,html", "--compare-with", runs["week1"], check=0)
    assert read_csv(tmp_path / "fixed.csv") == []
    assert {r["status"] for r in read_csv(tmp_path / "errors_compared.csv")} == {"open"}
    week1 = read_csv(runs["week1"] / "errors.csv")
    still = sum(1 for e in week1 if e["code"] == "101")
    assert f"{len(week1) - still} earlier errors of rules that did not run now are not counted as fixed" in \
        " ".join(p.stdout.split())
    page = parse_html(tmp_path / "report.html")
    assert page.not_run == ["358"] and page.figures["fixed"] == "0"


# -- per social worker ---------------------------------------------------------------------
def _date(text):
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def test_one_list_per_social_worker(runs):
    folder = runs["week1"] / "sw"
    errors = read_csv(runs["week1"] / "errors.csv")
    index = read_csv(folder / "index.csv")
    listed = []
    for entry in index:
        rows = read_csv(folder / entry["file"])
        assert int(entry["errors"]) == len(rows)
        assert {r["social_worker"] for r in rows} == {entry["social_worker"]}
        listed += rows
    assert sorted(folder.iterdir()) == sorted([folder / "index.csv"] + [folder / e["file"] for e in index])
    assert Counter((r["code"], r["table"], r["row"]) for r in listed) == \
           Counter((e["code"], e["table"], e["row"]) for e in errors)
    # recompute the assignment: the episode open at the flagged row's date, else the latest
    sw = {}
    for r in read_csv(SAMPLE / "current" / "sw_episodes.csv"):
        sw.setdefault(r["CHILD"], []).append(r)
    tables = {t: read_csv(SAMPLE / "current" / f"{t}.csv") for t in {e["table"] for e in errors}}
    from validator903.reports.data import LOCATORS as locator  # the date that places a row in time
    for r in listed:
        episodes = sw.get(r["child"], [])
        if not episodes:
            assert r["social_worker"] == "", r
            continue
        col = locator.get(r["table"])
        when = _date(tables[r["table"]][int(r["row"]) - 1][col]) if col else None

        def key(i_e):
            i, e = i_e
            start, end = _date(e["SW_DECOM"]), _date(e["SW_DEC"])
            is_open = bool(when and start and start <= when and (end is None or end >= when))
            return (is_open, start or datetime.min.date(), i)
        best = max(enumerate(episodes), key=key)[1]
        assert r["social_worker"] == (best["SW_ID"] or ""), r


def test_social_worker_lists_carry_status_and_stale_files_go(runs, tmp_path):
    rows = [r for e in read_csv(runs["week2"] / "sw" / "index.csv") for r in read_csv(runs["week2"] / "sw" / e["file"])]
    assert Counter(r["status"] for r in rows)["new"] == len(NEW_ERRORS)
    folder = tmp_path / "sw"
    folder.mkdir()
    (folder / "sw_GONE.csv").write_text("old\n")
    (folder / "keep.txt").write_text("mine\n")
    write_csv(folder / "index.csv", ["social_worker", "file", "errors", "children"], [["GONE", "sw_GONE.csv", 1, 1]])
    cli("validate", SAMPLE / "current", *ARGS, "-q", "--by-social-worker", folder, check=0)
    assert not (folder / "sw_GONE.csv").exists() and (folder / "keep.txt").exists()


def test_social_worker_file_names():
    used = set()
    assert _file_name("SW 1/2", used) == "sw_SW_1_2.csv"
    assert _file_name("sw 1/2", used) == "sw_sw_1_2_2.csv"
    assert _file_name("..", used) == "sw_x.csv"


# -- options -------------------------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    (["--format", "pdf", "--output", "OUT"], "--format 'pdf'"),
    (["--format", "xlsx"], "give --output"),
    (["--compare-with", "/no/such/run"], "no such folder"),
    (["--compare-with", str(SAMPLE)], "no validation.duckdb"),
])
def test_report_options_fail_with_one_line(args, message, tmp_path):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    p = cli("validate", SAMPLE / "current", *ARGS, *args)
    assert p.returncode == 2 and message in p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_only_the_chosen_formats_remain(tmp_path):
    """An earlier run's files of other formats are removed, so none is mistaken for this run's."""
    cli("validate", SAMPLE / "current", *ARGS, "--output", tmp_path, "-q", check=0)
    assert (tmp_path / "errors.csv").exists()
    cli("validate", SAMPLE / "current", *ARGS, "--output", tmp_path, "-q", "--format", "xlsx", check=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx", "validation.duckdb"]


def test_nothing_flagged_still_writes_every_format(tmp_path):
    cli("validate", SAMPLE / "current" / "header.csv", *ARGS, "--rules", "INT03", "--output", tmp_path, "-q",
        "--format", "csv,xlsx,html,json", check=0)
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert sheet_rows(wb["Errors"]) == [] and wb.sheetnames == ["Summary", "Errors", "Children", "header"]
    page = parse_html(tmp_path / "report.html")
    assert page.figures["rows_flagged"] == "0" and page.not_run == ["INT03"]
    assert "skipped: missing table episodes" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "errors.json").read_text(encoding="utf-8"))["errors"] == []


def test_demo_writes_reports(tmp_path):
    cli("demo", "--output", tmp_path, "--format", "xlsx,html", check=0)
    assert (tmp_path / "report.xlsx").exists() and (tmp_path / "report.html").exists()
    assert BY_NAME["episodes"].columns[1] in [c.value for c in openpyxl.load_workbook(tmp_path / "report.xlsx")["episodes"][1]]


def test_xlsx_for_10000_children_holds_every_row(tmp_path, capsys):
    """The workbook of a 10,000-child return holds every input row. Its speed is measured by
    benchmarks/bench_reports.py, not asserted here (a timed test fails on a loaded machine and proves
    nothing on a quiet one); the time is printed for the record."""
    import time

    from validator903 import engine
    from validator903.context import CollectionYear, RuleContext
    from validator903.reports.data import gather
    from validator903.reports.xlsx_report import write_xlsx
    from validator903.rules import rules_for_year

    cli("synth", "--children", 10000, "--seed", 1, "--out", tmp_path / "cur", "--previous", tmp_path / "prev", check=0)
    ctx = RuleContext(CollectionYear.parse("2025/26"))
    conn = engine.open_db(None)
    run = engine.prepare(conn, ctx, [tmp_path / "cur"], [tmp_path / "prev"])
    engine.run_rules(run, rules_for_year(ctx.year))
    data = gather(run)
    t = time.perf_counter()
    write_xlsx(data, tmp_path / "report.xlsx")
    seconds = time.perf_counter() - t
    with capsys.disabled():
        print(f"\nreport.xlsx for 10,000 children: {seconds:.1f} s")
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx", read_only=True)
    assert wb["episodes"].max_row == run.load.tables["episodes"].rows + 1
