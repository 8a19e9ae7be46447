"""Reference data: the bundled LA codes, the postcode file (--postcodes) and the machinery that
stages them like any table, with rules reading them skipped (naming the file) when absent."""
import csv
import re
import textwrap
from pathlib import Path

import pytest

from test_cli import SAMPLE, cli
from validator903.context import check_la_code, RuleContext, CollectionYear
from validator903.errors import UsageError
from validator903.reference import la_code_rows

HERE = Path(__file__).parent / "reference"

# A council rule reading the derived placement fields: its case gives a postcodes table like any other.
PLACEMENT_RULE = """\
/*
code: LAPC1
name: placement_postcode_not_in_the_postcode_file
message: The placement postcode is not a current postcode.
fields: [PL_POST]
tables: [episodes, episode_places]
years: 2024/25-
*/
SELECT 'episodes' AS table_name, e.row_no, e.child
FROM episodes AS e
JOIN episode_places AS p ON p.child = e.child AND p.row_no = e.row_no
WHERE p.pl_post_found = 0
"""
PLACEMENT_CASES = """\
rule: LAPC1
cases:
  found_whatever_the_spacing:
    tables:
      episodes:
        - {CHILD: '1', PL_POST: mm1 1mm}
        - {CHILD: '2', PL_POST: XX9 9XX}
        - {CHILD: '3'}
      postcodes:
        - {pcd: MM1 1MM, laua: E08000003, cty: E99999999}
    expect: [[episodes, 2]]
"""


def _pack(tmp_path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "LAPC1.sql").write_text(PLACEMENT_RULE, encoding="utf-8")
    (pack / "LAPC1.yml").write_text(PLACEMENT_CASES, encoding="utf-8")
    return pack


def test_a_case_gives_the_postcode_table_like_any_other(tmp_path):
    p = cli("test-rules", _pack(tmp_path), check=0)
    assert "ok    LAPC1:found_whatever_the_spacing" in p.stdout


def test_without_postcodes_a_rule_reading_them_is_skipped_naming_the_option(tmp_path):
    cli("validate", SAMPLE / "current", "--year", "2025/26", "--la", "352", "--output", tmp_path / "out",
        "--rules-dir", _pack(tmp_path), check=0)
    status = {r["code"]: r["status"] for r in csv.DictReader(open(tmp_path / "out" / "summary.csv", encoding="utf-8"))}
    assert status["LAPC1"] == "skipped: needs postcodes (--postcodes FILE)"
    assert status["101"] == "ran"


def test_la_codes_are_staged_every_run(tmp_path):
    import duckdb

    cli("validate", SAMPLE / "current", "--year", "2025/26", "--output", tmp_path, "--rules", "101", check=0)
    db = duckdb.connect(str(tmp_path / "validation.duckdb"), read_only=True)
    assert db.execute("SELECT name, valid_from FROM la_codes WHERE dfe_code = '942'").fetchall()[0][0] == "Cumberland"


# ---- the bundled LA codes -------------------------------------------------------------------

def test_la_codes_list_every_current_council_once():
    current = [r for r in la_code_rows() if not r["VALID_TO"]]
    assert len(current) == 153   # England's councils with children's services since April 2023
    assert len({r["DFE_CODE"] for r in current}) == 153 and len({r["ONS_CODE"] for r in current}) == 153
    for r in la_code_rows():
        assert re.fullmatch(r"\d{3}", r["DFE_CODE"]) and re.fullmatch(r"E(06|08|09|10)\d{6}", r["ONS_CODE"]), r
    by_code = {r["DFE_CODE"]: r for r in current}
    assert {c: by_code[c]["NAME"] for c in ("940", "941", "942", "943")} == {
        "940": "North Northamptonshire", "941": "West Northamptonshire", "942": "Cumberland",
        "943": "Westmorland and Furness"}
    assert by_code["815"]["ONS_CODE"] == "E06000065" and by_code["933"]["ONS_CODE"] == "E06000066"
    assert by_code["370"]["ONS_CODE"] == "E08000038" and by_code["373"]["ONS_CODE"] == "E08000039"  # recoded 2024
    assert len({r["ONS_CODE"] for r in la_code_rows()}) == len(la_code_rows())   # v903_la_codes' key
    assert "909" not in by_code and "928" not in by_code   # Cumbria and Northamptonshire are gone


@pytest.mark.parametrize("given,dfe,ons", [("352", "352", "E08000003"), (" E08000003 ", "352", "E08000003"),
                                           ("e06000063", "942", "E06000063"), ("E10000023", "815", "E06000065"),
                                           ("999", "999", None)])
def test_la_accepts_either_form(given, dfe, ons):
    assert check_la_code(given) == dfe
    assert RuleContext(CollectionYear(2025), check_la_code(given)).la_ons == ons


@pytest.mark.parametrize("given", ["E99999999", "35", "Manchester", "W06000015"])
def test_la_refuses_what_it_cannot_resolve(given):
    with pytest.raises(UsageError):
        check_la_code(given)


def test_an_unknown_ons_code_is_one_line_exit_2(tmp_path):
    p = cli("validate", SAMPLE / "current", "--year", "2025/26", "--la", "E06000099", "--output", tmp_path / "o", check=2)
    assert p.stderr.count("\n") == 1 and "E06000099" in p.stderr


# ---- --postcodes FILE -----------------------------------------------------------------------

def _return(tmp_path) -> Path:
    """A two-table return whose episodes name made-up postcodes (see tests/reference/)."""
    folder = tmp_path / "return"
    folder.mkdir()
    (folder / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2015,WBRI,,,\n",
                                       encoding="utf-8")
    rows = ["mm1 1mm", "LC1 1LC", "XX9 9XX", "OLD11OL"]
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "".join(f"1,0{i + 1}/05/2025,P,C2,N1,U1,PR1,,,,MM1 2MM,{pc},\n" for i, pc in enumerate(rows)), encoding="utf-8")
    return folder


def _places(out: Path) -> list[tuple]:
    import duckdb

    db = duckdb.connect(str(out / "validation.duckdb"), read_only=True)
    return db.execute("SELECT row_no, pl_post_found, pl_la, pl_location, pl_distance FROM episode_places "
                      "ORDER BY row_no").fetchall()


EXPECTED_PLACES = [(1, 1, "E08000003", "IN", 3.1), (2, 1, "E10000017", "OUT", 18.7), (3, 0, None, None, None),
                   (4, 1, "E08000003", "IN", None)]


@pytest.mark.parametrize("fixture", ["nspl_made_up.csv", "onspd_made_up.csv"])
def test_postcodes_from_nspl_or_onspd_by_header(tmp_path, fixture):
    out = tmp_path / "out"
    cli("validate", _return(tmp_path), "--year", "2025/26", "--la", "E08000003", "--output", out,
        "--rules-dir", _pack(tmp_path), "--postcodes", HERE / fixture, check=0)
    got = _places(out)
    if fixture.startswith("onspd"):  # the ONSPD fixture has two postcodes only
        assert got[:3] == [(1, 1, "E08000003", "IN", None), (2, 1, "E10000017", "OUT", None), (3, 0, None, None, None)]
    else:
        assert got == EXPECTED_PLACES
    status = {r["code"]: r for r in csv.DictReader(open(out / "summary.csv", encoding="utf-8"))}
    assert status["LAPC1"]["status"] == "ran"
    flagged = [r["row"] for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8")) if r["code"] == "LAPC1"]
    assert flagged == (["3"] if fixture.startswith("nspl") else ["3", "4"])


def test_postcodes_from_the_zip_ons_publishes(tmp_path):
    """The zip holds documents, per-area CSVs and the whole-country CSV: the last one is read."""
    import zipfile

    z = tmp_path / "NSPL_FEB_2025_UK.zip"
    whole = (HERE / "nspl_made_up.csv").read_text(encoding="utf-8")
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
        f.writestr("Documents/LA_UA names and codes UK as at 04_24.csv", "LAD24CD,LAD24NM\nE08000003,Manchester\n")
        f.writestr("Data/multi_csv/NSPL_FEB_2025_UK_MM.csv", "\n".join(whole.splitlines()[:2]) + "\n")
        f.writestr("Data/NSPL_FEB_2025_UK.csv", whole)
        f.writestr("User Guide/NSPL User Guide.pdf", b"%PDF-1.4")
    out = tmp_path / "out"
    cli("validate", _return(tmp_path), "--year", "2025/26", "--la", "352", "--output", out,
        "--postcodes", z, "--rules", "101", check=0)
    assert _places(out) == EXPECTED_PLACES
    assert not any(p.name.startswith("v903_") for p in Path(tempfile_dir()).iterdir() if p.is_dir() and
                   (p / "postcodes.csv").exists())  # the extracted copy is removed after staging


def tempfile_dir() -> str:
    import tempfile

    return tempfile.gettempdir()


@pytest.mark.parametrize("fixture,says", [("not_postcodes.csv", "no column laua or oslaua"),
                                          ("../rule_cases/101.yml", "no column pcd")])
def test_a_file_that_is_no_postcode_directory_is_one_line_exit_2(tmp_path, fixture, says):
    p = cli("validate", _return(tmp_path), "--year", "2025/26", "--output", tmp_path / "o",
            "--postcodes", HERE / fixture, check=2)
    assert p.stderr.count("\n") == 1 and says in p.stderr and Path(fixture).name in p.stderr
    assert not (tmp_path / "o").exists()


def test_a_missing_postcode_file_is_one_line_exit_2(tmp_path):
    p = cli("validate", _return(tmp_path), "--year", "2025/26", "--postcodes", tmp_path / "nope.zip", check=2)
    assert p.stderr.count("\n") == 1 and "nope.zip" in p.stderr


def test_run_refuses_a_postcode_file_pointing_at_the_mapping(tmp_path):
    p = cli("run", "--url", f"duckdb:///{tmp_path / 'w.duckdb'}", "--year", "2025/26", "--postcodes",
            HERE / "nspl_made_up.csv", check=2)
    assert p.stderr.count("\n") == 1 and "mapping" in p.stderr


# ---- in a warehouse -------------------------------------------------------------------------

def _warehouse(tmp_path) -> Path:
    """A council warehouse (DuckDB) holding the return as text tables and NSPL as a table."""
    import duckdb

    db = tmp_path / "warehouse.duckdb"
    src = _return(tmp_path)
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA council")
    for t in ("header", "episodes"):
        con.execute(f"CREATE TABLE council.{t} AS SELECT * FROM read_csv('{src / (t + '.csv')}', all_varchar=true)")
    con.execute(f"CREATE TABLE council.nspl AS SELECT * FROM read_csv('{HERE / 'nspl_made_up.csv'}', all_varchar=true)")
    con.close()
    return db


MAPPING = """\
schema: council
tables:
  header: {}
  episodes: {}
  postcodes:
    source: council.nspl
    columns: {PCD: pcd, PCDS: pcds, LAUA: laua, CTY: cty, OSEAST1M: oseast1m, OSNRTH1M: osnrth1m, DOTERM: doterm}
"""


@pytest.mark.parametrize("with_postcodes", [True, False])
def test_warehouse_reads_the_postcode_table_the_mapping_names(tmp_path, with_postcodes):
    db = _warehouse(tmp_path)
    mapping = tmp_path / "mapping.yml"
    mapping.write_text(MAPPING if with_postcodes else MAPPING.split("  postcodes:")[0], encoding="utf-8")
    out = tmp_path / "out"
    cli("run", "--url", f"duckdb:///{db}", "--year", "2025/26", "--la", "352", "--mapping", mapping,
        "--rules-dir", _pack(tmp_path), "--output", out, check=0)
    status = {r["code"]: r["status"] for r in csv.DictReader(open(out / "summary.csv", encoding="utf-8"))}
    flagged = [r["row"] for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8")) if r["code"] == "LAPC1"]
    if with_postcodes:
        assert status["LAPC1"] == "ran" and flagged == ["3"]
    else:
        assert status["LAPC1"] == "skipped: needs postcodes (--postcodes FILE)" and flagged == []


def test_the_bundled_la_codes_reach_a_read_only_warehouse_query(tmp_path):
    """A rule reading la_codes runs read-only (the codes inlined) and deployed (v903_la_codes)."""
    pack = tmp_path / "lapack"
    pack.mkdir()
    (pack / "LALA1.sql").write_text(textwrap.dedent("""\
        /*
        code: LALA1
        name: home_council_of_2023
        message: test rule reading la_codes
        fields: [CHILD]
        tables: [header, la_codes]
        years: 2024/25-
        */
        SELECT 'header' AS table_name, h.row_no, h.child
        FROM header AS h
        WHERE EXISTS (SELECT 1 FROM la_codes AS l WHERE l.dfe_code = '942' AND l.valid_from = ssda_date('2023-04-01'))
        """), encoding="utf-8")
    db = _warehouse(tmp_path)
    mapping = tmp_path / "mapping.yml"
    mapping.write_text(MAPPING, encoding="utf-8")
    for deploy in ([], ["--deploy"]):
        out = tmp_path / f"out{len(deploy)}"
        cli("run", "--url", f"duckdb:///{db}", "--year", "2025/26", "--mapping", mapping, *deploy,
            "--rules-dir", pack, "--output", out, check=0)
        flagged = [r["row"] for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8")) if r["code"] == "LALA1"]
        assert flagged == ["1"], deploy
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT COUNT(*) FROM ssda903.v903_la_codes").fetchone()[0] == len(la_code_rows())


def test_reports_name_the_rules_with_the_two_year_caveat(tmp_path):
    """1001 and 1002 carry the DfE's NOTE that the tool sees only this year and last year."""
    from validator903.rules import rules_for_year, two_year_caveat

    expected = sorted((r.code for r in rules_for_year(CollectionYear(2025)) if two_year_caveat(r.message)),
                      key=lambda c: (len(c), c))
    assert {"1001", "1002"} <= set(expected)
    p = cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26",
            "--output", tmp_path, "--format", "html,xlsx", check=0)
    line = next(ln for ln in p.stdout.splitlines() if ln.startswith("Two-year caveat"))
    assert all(c in line for c in expected)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="two-year"' in html and "1001, 1002" in html
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "report.xlsx", read_only=True)["Summary"]
    cells = {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_row=20, max_col=2, values_only=True) if r[0]}
    assert "1001" in cells["Two-year caveat"] and "1002" in cells["Two-year caveat"]
