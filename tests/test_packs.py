"""Rule packs: a council's own rules beside the DfE catalogue (--rules-dir), with their YAML cases
run by `validator903 test-rules` through the public harness (validator903.testing)."""
import csv
import shutil
from pathlib import Path

from test_cli import SAMPLE, cli

PACK = Path(__file__).parent / "packs" / "council_example"


def test_test_rules_passes_a_good_pack():
    p = cli("test-rules", PACK, check=0)
    assert "ok    LA001:school_age_without_upn" in p.stdout and "1 passed, 0 failed" in p.stdout


def test_test_rules_fails_a_wrong_case_showing_expected_and_got(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    case = pack / "checks" / "LA001.yml"
    case.write_text(case.read_text().replace("expect: [[header, 1], [header, 3]]", "expect: [[header, 1]]"))
    p = cli("test-rules", pack, check=1)
    assert "FAIL  LA001:school_age_without_upn" in p.stdout
    assert "expected [[header, 1]], got [[header, 1], [header, 3]]" in p.stdout


def test_test_rules_fails_a_rule_outside_the_portable_subset(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    rule = pack / "checks" / "LA001.sql"
    rule.write_text(rule.read_text().replace("WHERE f.age_at_end >= 5", "WHERE f.age_at_end >= 5 AND h.upn || 'x' <> 'x'"))
    p = cli("test-rules", pack, check=1)
    assert "FAIL  lint" in p.stdout and "concatenation" in p.stdout


def test_a_council_code_may_not_clash_with_a_dfe_code(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (PACK / "checks" / "LA001.sql").read_text().replace("code: LA001", "code: int03")
    (pack / "int03.sql").write_text(text)
    p = cli("rules", "--year", "2025/26", "--rules-dir", pack, check=2)
    assert p.stderr.count("\n") == 1 and "clashes with the DfE rule INT03" in p.stderr


def test_validate_runs_the_pack_beside_the_dfe_rules(tmp_path):
    cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26",
        "--output", tmp_path, "--rules-dir", PACK, check=0)
    summary = {r["code"]: r for r in csv.DictReader(open(tmp_path / "summary.csv", encoding="utf-8"))}
    assert summary["LA001"]["status"] == "ran" and "101" in summary
    with open(tmp_path / "summary.csv", encoding="utf-8") as f:
        assert f.readline().strip() == "code,message,count,status"  # the contract keeps its columns
    errors = [r for r in csv.DictReader(open(tmp_path / "errors.csv", encoding="utf-8")) if r["code"] == "LA001"]
    assert len(errors) == int(summary["LA001"]["count"])


def test_rules_csv_names_every_rules_source():
    p = cli("rules", "--year", "2025/26", "--format", "csv", "--rules-dir", PACK, check=0)
    rows = {r["code"]: r for r in csv.DictReader(p.stdout.splitlines())}
    assert rows["LA001"]["source"] == "council" and rows["LA001"]["severity"] == "query"
    assert rows["INT03"]["source"] == "tool" and rows["101"]["source"] == "dfe"


def test_show_and_compile_take_the_pack(tmp_path):
    p = cli("show", "LA001", "--dialect", "tsql", "--rules-dir", PACK, check=0)
    assert "source: council" in p.stdout and "COLLATE Latin1_General_BIN2" in p.stdout
    cli("compile", "--dialect", "postgres", "--year", "2025/26", "--source-schema", "council", "--out", tmp_path,
        "--rules-dir", PACK, check=0)
    assert "err_la001" in (tmp_path / "04_rules.sql").read_text()
