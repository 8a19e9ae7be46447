"""The bad-input corpus (tests/bad_inputs/*/expect.yml, written by make_corpus.py): every case
either loads exactly — each table's row count equals the file's data rows, repaired input gives a
warning — or exits 2 with one line naming the file (and row) and what to do; never a traceback."""
import shutil
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from validator903.cli import main

HERE = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.parent for p in HERE.glob("*/expect.yml"))


def run_cli(args, capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["validator903", *map(str, args)])
    with pytest.raises(SystemExit) as e:
        main()
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


def test_corpus_is_big_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, tmp_path, capsys, monkeypatch):
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    src = tmp_path / case.name  # the case's files without expect.yml, which is no 903 file
    shutil.copytree(case, src, ignore=shutil.ignore_patterns("expect.yml"))
    given = src / expect["input"] if "input" in expect else src
    extra = [a.replace("{case}", str(src)) for a in expect.get("args", [])]
    year = [] if "--year" in extra else ["--year", "2025/26"]
    out_dir = tmp_path / "out"
    code, out, err = run_cli(["validate", given, *year, *extra, "--output", out_dir, "-q"], capsys, monkeypatch)
    assert "Traceback" not in err
    if expect["outcome"] == "error":
        assert code == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert expect["message"] in lines[0]
        assert str(case) in lines[0] or case.name in lines[0], "the message must name the file"
        return
    assert code == 0, err
    for w in expect.get("warnings", []):
        assert w in err, f"missing warning {w!r} in {err!r}"
    if not expect.get("warnings"):
        assert "warning" not in err, err
    db = duckdb.connect(str(out_dir / "validation.duckdb"), read_only=True)
    for table, n in expect["rows"].items():
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == n, table
    for table, row, column, value in expect.get("values", []):
        got = db.execute(f"SELECT {column} FROM {table} WHERE row_no = ?", [row]).fetchone()[0]
        assert (got.isoformat() if isinstance(got, date) else got) == value, (table, row, column)
    for table, row, column, length in expect.get("lengths", []):
        assert db.execute(f"SELECT length({column}) FROM {table} WHERE row_no = ?", [row]).fetchone()[0] == length
