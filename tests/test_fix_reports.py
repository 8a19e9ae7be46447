"""The proposed fixes in validate's reports agree with what `validator903 fix` writes: the xlsx
"Fixes" sheet has changes.csv's rows, each child's HTML section lists its fixes, and every
per-social-worker row says whether fix corrects it, suggests something, or needs the social worker."""
import csv
import subprocess
import sys

import openpyxl
import pytest

from validator903.resources import sample_dir

SAMPLE = sample_dir()
ARGS = ("--previous", SAMPLE / "previous", "--year", "2025/26", "--la", "999")


def cli(*args):
    p = subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def runs(tmp_path_factory, sample_with_a_certain_fix):
    base = tmp_path_factory.mktemp("fixreports")
    cli("validate", sample_with_a_certain_fix, *ARGS, "-q", "--output", base / "v", "--format", "xlsx,html",
        "--by-social-worker", base / "v" / "sw")
    cli("fix", sample_with_a_certain_fix, *ARGS, "--output", base / "f", "--dry-run")
    return base


def test_fixes_sheet_has_the_rows_fix_proposes(runs):
    wb = openpyxl.load_workbook(runs / "v" / "report.xlsx", read_only=True)
    rows = list(wb["Fixes"].iter_rows(values_only=True))
    heads = list(rows[0])
    assert heads == ["child", "table", "row", "field", "old", "new", "rule", "confidence", "reason"]
    sheet = sorted((r[0], r[1], str(r[2]), r[3], r[5], r[6], r[7]) for r in rows[1:])
    proposed = sorted((r["child"], r["table"], r["row"], r["field"], r["new"], r["rule"], r["confidence"])
                      for r in read_csv(runs / "f" / "changes.csv"))
    assert sheet == proposed and sheet
    assert {r[6] for r in sheet} == {"certain", "suggested"}


def test_html_lists_each_childs_fixes(runs):
    html = (runs / "v" / "report.html").read_text(encoding="utf-8")
    for r in read_csv(runs / "f" / "changes.csv"):
        start = html.index(f'id="child-{r["child"]}"')
        section = html[start:html.index("</details>", start)]
        assert "<h4>Fixes" in section and f"<td>{r['new']}</td>" in section
        assert f"fix:{r['confidence']}" in section[:section.index(">")]  # the search finds it


def test_social_worker_lists_mark_what_fix_does(runs):
    marks = {}
    for e in read_csv(runs / "v" / "sw" / "index.csv"):
        rows = read_csv(runs / "v" / "sw" / e["file"])
        assert int(e["needs_social_worker"]) == sum(r["fix"] == "needs the social worker" for r in rows)
        for r in rows:
            marks[(r["code"], r["table"], r["row"])] = r["fix"]
    for c in read_csv(runs / "f" / "changes.csv"):
        mark = marks[(c["rule"], c["table"], c["row"])]
        want = "automatic (validator903 fix)" if c["confidence"] == "certain" else "suggested"
        assert mark.startswith(want) and f"-> {c['new']}" in mark
    assert sum(m == "needs the social worker" for m in marks.values()) == len(marks) - len(read_csv(runs / "f" / "changes.csv"))
