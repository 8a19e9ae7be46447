"""The DfE rules reading the postcode-derived placement fields (episode_places) or the bundled LA
codes: which need the postcode file, what they say without it, and the skip reason of a rule that
compares with a table last year's return cannot have."""
import csv

import pytest

from test_cli import SAMPLE, cli
from test_reference import HERE as REFERENCE_FIXTURES
from validator903.context import CollectionYear
from validator903.engine import skipped_status
from validator903.rules import find_rule

NEEDS_POSTCODES = ["164", "169", "179", "392a", "392c", "406", "411", "420", "452", "453", "454",
                   "503G", "503H", "503J", "1015"]
NO_POSTCODE_FILE = ["392b", "392d", "633"]   # read the postcodes as typed, or the bundled LA codes


@pytest.mark.parametrize("code", NEEDS_POSTCODES)
def test_rules_reading_the_derived_fields_need_the_postcode_file(code):
    assert "postcodes" in find_rule(code).requires()


@pytest.mark.parametrize("code", NO_POSTCODE_FILE)
def test_rules_reading_postcodes_as_typed_run_without_it(code):
    assert "postcodes" not in find_rule(code).requires()


def _status(out):
    with open(out / "summary.csv", encoding="utf-8") as f:
        return {r["code"]: r["status"] for r in csv.DictReader(f)}


def test_skipped_without_the_postcode_file_and_run_with_it(tmp_path):
    args = ("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26", "--la", "352")
    cli(*args, "--output", tmp_path / "without", check=0)
    without = _status(tmp_path / "without")
    for code in NEEDS_POSTCODES:
        assert without[code] == "skipped: needs postcodes (--postcodes FILE)", code
    for code in NO_POSTCODE_FILE:
        assert without[code] == "ran", code
    cli(*args, "--postcodes", REFERENCE_FIXTURES / "nspl_made_up.csv", "--output", tmp_path / "with", check=0)
    with_file = _status(tmp_path / "with")
    assert all(with_file[code] == "ran" for code in NEEDS_POSTCODES + NO_POSTCODE_FILE)


def test_a_table_last_years_return_cannot_have_is_named():
    """DoLo is collected from 2026/27: in 2026/27 last year's return cannot have one, whether or not
    it was supplied, so rule 706 says so rather than asking for last year's return."""
    missing = [t for t in find_rule("706").requires() if t.endswith("_last")]
    assert missing == ["dolo_last"]
    assert skipped_status(missing, CollectionYear(2026)) == (
        "skipped: last year's return (2025/26) cannot have DoLo (first collected in 2026/27)")
    assert skipped_status(missing, CollectionYear(2027)) == "skipped: previous year not supplied"
    assert skipped_status(["episodes_last"], CollectionYear(2026)) == "skipped: previous year not supplied"
    assert skipped_status(["dolo_last"]) == "skipped: previous year not supplied"  # year unknown


def test_rules_comparing_with_the_council_need_its_la_code(tmp_path):
    """179, 411, 1015, 503J (PL_LOCATION is IN/OUT of the council) and 229 compare with the
    council's own LA: without --la they cannot flag anything, so they say so instead of passing;
    with it they run. The 706 reason survives the batched engine path too."""
    import shutil

    current = tmp_path / "current"
    shutil.copytree(SAMPLE / "current", current)
    (current / "dolo.csv").write_text("CHILD,DOB,DOLO_START,DOLO_END\n", encoding="utf-8")
    args = ("validate", current, "--previous", SAMPLE / "previous", "--year", "2026/27",
            "--postcodes", REFERENCE_FIXTURES / "nspl_made_up.csv")
    cli(*args, "--output", tmp_path / "no_la", check=0)
    no_la = _status(tmp_path / "no_la")
    for code in ("179", "411", "1015", "503J"):
        assert no_la[code] == "skipped: needs your LA code (--la 352 or --la E08000003)", code
    assert no_la["169"] == "ran"   # PL_LA needs no LA code
    assert no_la["706"] == "skipped: last year's return (2025/26) cannot have DoLo (first collected in 2026/27)"
    cli(*args, "--la", "352", "--output", tmp_path / "la", check=0)
    assert all(_status(tmp_path / "la")[code] == "ran" for code in ("179", "411", "1015", "503J"))
