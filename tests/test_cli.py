"""The command line end to end, as a user runs it: exit codes, output files, one-line errors."""
import csv
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from validator903.resources import sample_dir

SAMPLE = sample_dir()


def cli(*args, check=None):
    p = subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True)
    if check is not None:
        assert p.returncode == check, p.stderr
    return p


def test_demo_runs_on_the_bundled_sample(tmp_path):
    p = cli("demo", "--output", tmp_path, check=0)
    assert "Rules:" in p.stdout
    for name in ("errors.csv", "summary.csv", "validation.duckdb"):
        assert (tmp_path / name).exists()
    with open(tmp_path / "errors.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["code", "table", "row", "child", "message", "fields"]
        flagged = list(reader)
    assert flagged, "the sample has injected errors; some must be found"
    with open(tmp_path / "summary.csv", newline="", encoding="utf-8") as f:
        summary = list(csv.DictReader(f))
    assert all(r["status"] == "ran" or r["status"].startswith(("skipped", "failed")) for r in summary)
    assert sum(int(r["count"]) for r in summary) == len(flagged)
    db = duckdb.connect(str(tmp_path / "validation.duckdb"), read_only=True)
    assert db.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == len(flagged)
    assert db.execute("SELECT COUNT(*) FROM episodes_last").fetchone()[0] > 0


def test_errors_csv_is_byte_identical_across_runs(tmp_path):
    for n in (1, 2):
        cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26",
            "--la", "999", "--output", tmp_path / str(n), "-q", check=0)
    assert (tmp_path / "1" / "errors.csv").read_bytes() == (tmp_path / "2" / "errors.csv").read_bytes()
    assert (tmp_path / "1" / "summary.csv").read_bytes() == (tmp_path / "2" / "summary.csv").read_bytes()


def test_rule_subset_strict_and_skips(tmp_path):
    p = cli("validate", SAMPLE / "current" / "header.csv", "--year", "2025/26", "--rules", "101,103,INT03",
            "--output", tmp_path, "-q", "--strict")
    with open(tmp_path / "summary.csv", newline="", encoding="utf-8") as f:
        summary = {r["code"]: r for r in csv.DictReader(f)}
    assert set(summary) == {"101", "103", "INT03"}
    assert summary["INT03"]["status"] == "skipped: missing table episodes"
    flagged = int(summary["101"]["count"]) + int(summary["103"]["count"])
    assert p.returncode == (1 if flagged else 0)


@pytest.mark.parametrize("args, message", [
    (["validate", "/no/such/dir", "--year", "2025/26"], "no such file or folder"),
    (["validate", str(SAMPLE / "current"), "--year", "2031/32"], "not supported"),
    (["validate", str(SAMPLE / "current"), "--year", "banana"], "not a collection year"),
    (["validate", str(SAMPLE / "current"), "--year", "2025/26", "--la", "ABC"], "3-digit"),
    (["validate", str(SAMPLE / "current"), "--year", "2025/26", "--rules", "999999"], "no rule 999999"),
    (["show", "103", "--dialect", "mysql"], "unknown dialect"),
    (["show", "XYZ"], "no rule with code"),
    (["validate", str(SAMPLE / "current"), "--year", "2025/26", "--fromat", "xlsx"], "No such option"),
    (["validate", str(SAMPLE / "current")], "Missing option"),
    (["frobnicate"], "No such command"),
])
def test_bad_arguments_exit_2_with_one_line(args, message):
    p = cli(*args)
    assert p.returncode == 2
    assert message in p.stderr
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_rules_csv_lists_the_year():
    p = cli("rules", "--year", "2025/26", "--format", "csv", check=0)
    rows = list(csv.reader(p.stdout.splitlines()))
    # the first four columns are the original contract; source, severity, stage and name follow
    assert rows[0] == ["code", "message", "fields", "tables", "source", "severity", "stage", "name"]
    codes = [r[0] for r in rows[1:]]
    assert "101" in codes and len(codes) == len(set(codes))


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "tsql", "oracle"])
def test_show_each_dialect(dialect):
    p = cli("show", "101", "--dialect", dialect, check=0)
    assert "SELECT" in p.stdout and "'M'" in p.stdout
    if dialect == "tsql":
        assert "COLLATE Latin1_General_BIN2" in p.stdout


def test_compile_writes_staging_and_rules(tmp_path):
    cli("compile", "--dialect", "tsql", "--year", "2025/26", "--source-schema", "dbo", "--out", tmp_path, check=0)
    staging = (tmp_path / "03_staging.sql").read_text()
    assert "FROM dbo.header AS m" in staging
    # 12 tables and 3 derived relations, this year and last, and the bundled LA codes (no postcode
    # table is mapped, so no episode_places)
    assert staging.count("CREATE VIEW ssda903.") == 31
    assert "FROM [ssda903].[v903_la_codes] AS m" in staging and "episode_places" not in staging
    assert "CREATE VIEW ssda903.episodes_seq AS" in staging and "FROM ssda903.episodes AS e" in staging
    assert "COLLATE Latin1_General_BIN2" in (tmp_path / "rules" / "101.sql").read_text()


@pytest.mark.parametrize("dialect", ["oracle", "tsql", "postgres"])
def test_compile_without_a_source_schema_is_refused(tmp_path, dialect):
    p = cli("compile", "--dialect", dialect, "--year", "2025/26", "--out", tmp_path, check=2)
    assert "--source-schema" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "03_staging.sql").exists()


def test_synth_is_deterministic(tmp_path):
    for n in (1, 2):
        cli("synth", "--children", 50, "--seed", 7, "--out", tmp_path / str(n), check=0)
    for f in (tmp_path / "1").iterdir():
        assert f.read_bytes() == (tmp_path / "2" / f.name).read_bytes()
