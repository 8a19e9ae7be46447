"""benchmark export and compare: the export carries nothing of the input (every CHILD, DOB, date
and code value searched for), counts from 1 to 4 are suppressed, and compare on three synthetic
councils of different sizes finds each council's rate against the median of the others."""
import csv
import json
import statistics
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from test_reports import ARGS, SAMPLE, cli, read_csv, render
from validator903.rules import all_rules

# (LA, children, seed, error rate): different sizes; the third has far more injected errors
COUNCILS = [("201", 300, 11, 0.05), ("202", 1500, 12, 0.05), ("203", 800, 13, 0.4)]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "run"
    cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", *ARGS, "--output", out, "-q", check=0)
    return out


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    base = tmp_path_factory.mktemp("councils")
    made = {}
    for la, n, seed, rate in COUNCILS:
        cur, prev, out = base / la / "cur", base / la / "prev", base / la / "out"
        cli("synth", "--children", n, "--seed", seed, "--error-rate", rate, "--out", cur, "--previous", prev, check=0)
        cli("validate", cur, "--previous", prev, "--year", "2025/26", "--la", la, "--output", out, "-q", check=0)
        export = base / f"{la}.json"
        cli("benchmark", "export", out, "--out", export, check=0)
        made[la] = {"inputs": [cur, prev], "out": out, "export": export}
    return made


def input_values(folders):
    """Every non-blank cell of every input file, and separately the CHILD ids and dates (DOB and the rest)."""
    cells, ids, dates = set(), set(), set()
    for folder in folders:
        for path in Path(folder).glob("*.csv"):
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    for col, v in row.items():
                        v = (v or "").strip()
                        if not v:
                            continue
                        cells.add(v)
                        if col == "CHILD":
                            ids.add(v)
                        elif "/" in v and len(v) == 10:
                            dates.add(v)
    return cells, ids, dates


def strings(obj):
    """Every key and string value of a JSON document."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)
    elif isinstance(obj, str):
        yield obj


def test_the_export_holds_nothing_of_the_input(councils, sample_run, tmp_path):
    export = tmp_path / "sample.json"
    cli("benchmark", "export", sample_run, "--out", export, check=0)
    cases = [(export, [SAMPLE / "current", SAMPLE / "previous"])] + [(c["export"], c["inputs"]) for c in councils.values()]
    for path, inputs in cases:
        text = path.read_text(encoding="utf-8")
        doc = json.loads(text)
        cells, ids, dates = input_values(inputs)
        assert ids and dates and len(cells) > len(ids)
        # child ids and every date (DOB, DECOM, …) appear nowhere in the file, not even inside a longer string
        assert [i for i in ids if i in text] == []
        assert [d for d in dates if d in text] == []
        # no key or string of the document is any value of the input (codes: SEX, LS, PLACE, …; UPNs; postcodes)
        # — except the rule codes, which are the catalogue's, not the input's (LA_PERM 352 is also rule 352)
        codes = {r["code"] for r in doc["rules"]}
        assert codes <= {r.code for r in all_rules()}
        tokens = set(strings(doc)) - codes
        assert tokens & cells == set(), sorted(tokens & cells)[:10]
        # what is there: aggregates only
        assert set(doc) == {"format", "la", "year", "run_date", "children", "children_flagged",
                            "children_flagged_per_100", "suppression", "rules"}
        assert all(set(r) == {"code", "name", "status", "rows", "children", "rate_per_100"} for r in doc["rules"])


def test_counts_under_5_are_suppressed(sample_run, tmp_path):
    export = tmp_path / "sample.json"
    cli("benchmark", "export", sample_run, "--out", export, check=0)
    doc = json.loads(export.read_text(encoding="utf-8"))
    errors = read_csv(sample_run / "errors.csv")
    summary = {s["code"]: s for s in read_csv(sample_run / "summary.csv")}
    assert doc["children"] == 200 and doc["la"] == "999" and doc["year"] == "2025/26"
    seen = set()
    for r in doc["rules"]:
        s = summary[r["code"]]
        if s["status"] != "ran":
            assert (r["rows"], r["children"], r["rate_per_100"]) == (None, None, None)
            continue
        rows = int(s["count"])
        kids = len({e["child"] for e in errors if e["code"] == r["code"]})
        assert r["rows"] == ("c" if 1 <= rows <= 4 else rows)
        assert r["children"] == ("c" if 1 <= kids <= 4 else kids)
        assert r["rate_per_100"] == ("c" if 1 <= kids <= 4 else round(100 * kids / 200, 2))
        seen.add("c" if 1 <= kids <= 4 else ("0" if kids == 0 else "5+"))
    assert seen == {"c", "0", "5+"}, "the sample has suppressed, zero and shown counts"
    flagged = len({e["child"] for e in errors})
    assert doc["children_flagged"] == flagged and doc["children_flagged_per_100"] == round(100 * flagged / 200, 2)


def _median_others(rates, la):
    others = [v for k, v in rates.items() if k != la and isinstance(v, float)]
    return round(statistics.median(others), 2) if others else None


def test_compare_three_councils_of_different_sizes(councils, tmp_path):
    html, xlsx = tmp_path / "report.html", tmp_path / "report.xlsx"
    p = cli("benchmark", "compare", *[c["export"] for c in councils.values()], "--out", html, "--out", xlsx, check=0)
    docs = {la: json.loads(c["export"].read_text(encoding="utf-8")) for la, c in councils.items()}
    assert [d["children"] for d in docs.values()] == [n for _, n, _, _ in COUNCILS]
    rates = {}
    for la, d in docs.items():
        for r in d["rules"]:
            if r["status"] == "ran":
                v = r["rate_per_100"]
                rates.setdefault(r["code"], {})[la] = float(v) if isinstance(v, (int, float)) else v
    # the documented outlier rule, worked out here from the exports alone
    want_outliers = set()
    for code, by_la in rates.items():
        for la, v in by_la.items():
            m = _median_others(by_la, la)
            if not isinstance(v, float) or m is None:
                continue
            if v >= 2 * m and v - m >= 1:
                want_outliers.add((la, code, "high"))
            elif m >= 1 and v <= m / 2:
                want_outliers.add((la, code, "low"))
    common = {code for code in rates if all(
        (r := next(x for x in docs[la]["rules"] if x["code"] == code))["children"] == "c" or (r["children"] or 0) > 0
        for la in docs)}
    assert want_outliers and common
    assert {la for la, _, kind in want_outliers if kind == "high"} >= {"203"}, "the error-prone council stands out"
    assert f"{len(common)} flagged in every council, {len(want_outliers)} outliers" in p.stdout
    wb = openpyxl.load_workbook(xlsx)
    got = {(r[0], r[1], r[5]) for r in wb["Outliers"].iter_rows(min_row=2, values_only=True)}
    assert got == want_outliers
    assert {r[0] for r in wb["Common to all"].iter_rows(min_row=2, values_only=True)} == common
    heads = [c.value for c in wb["Rates"][1]]
    assert heads[2:5] == ["LA 201", "LA 202", "LA 203"]
    for row in wb["Rates"].iter_rows(min_row=2, values_only=True):
        code = row[0]
        for la, v in zip(("201", "202", "203"), row[2:5]):
            want = rates[code].get(la)
            assert v == want, (code, la)
        shown = [v for v in rates[code].values() if isinstance(v, float)]
        assert row[5] == (round(statistics.median(shown), 2) if shown else None)
    # the page: the same outliers, the common rules drawn, rendered by Chromium with no script needed
    page = Page()
    page.feed(render(html))
    assert page.outliers == {(la, code) for la, code, _ in want_outliers}
    assert page.common_rows == [r[0] for r in wb["Common to all"].iter_rows(min_row=2, values_only=True)]
    assert page.dots and "http:" not in html.read_text(encoding="utf-8")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.outliers, self.common_rows, self.dots = set(), [], 0
        self._section = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self._section = a.get("id")
        if tag == "tr" and self._section == "outliers" and "data-rule" in a:
            self.outliers.add((a["data-la"], a["data-rule"]))
        if tag == "g" and self._section == "common" and "data-rule" in a:
            self.common_rows.append(a["data-rule"])
        if tag == "circle" and self._section == "common":
            self.dots += 1


def test_bad_exports_are_one_line(councils, tmp_path):
    one = councils["201"]["export"]
    p = cli("benchmark", "compare", one, "--out", tmp_path / "r.html")
    assert p.returncode == 2 and "at least two" in p.stderr
    p = cli("benchmark", "compare", one, one, "--out", tmp_path / "r.html")
    assert p.returncode == 2 and "LA 201 again" in p.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": []}')
    p = cli("benchmark", "compare", one, bad, "--out", tmp_path / "r.html")
    assert p.returncode == 2 and "not a benchmark export" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()
    p = cli("benchmark", "export", tmp_path, "--out", tmp_path / "x.json")
    assert p.returncode == 2 and "no validation.duckdb" in p.stderr
