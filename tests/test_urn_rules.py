"""The URN rules end to end through the CLI: --providers (the Ofsted lists, any layout) and
--postcodes, the skip status naming the file each rule needs, and bad lists as one line, exit 2.
The workbooks and postcodes are made up here (no real providers or addresses)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from test_cli import cli
from test_providers import workbook

URN_RULES = "1008,218,219,221,224,227,228,229,241,243"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"


def _return(tmp_path: Path, rows: list[str]) -> Path:
    d = tmp_path / "return"
    d.mkdir()
    (d / "episodes.csv").write_text("\n".join([EPISODES, *rows]) + "\n", encoding="utf-8")
    return d


def _lists(tmp_path: Path) -> list[Path]:
    """A 2025-style workbook (URNs stored as numbers) and a CSV list."""
    wb = workbook(tmp_path / "providers_2025.xlsx", {
        "Providers": [["Local authority", "URN", "Provider type", "Deregistration date", "Placement code",
                       "Provider postcode", "Placement provider code"],
                      ["Testshire", 1000001, "Children's home", None, "K2", "ZZ1 1AA", "PR1/PR2"],
                      ["Otherton", 1000002, "Children's home", "01/06/2025", "K2", "ZZ2 2BB", "PR1"]],
        "SA Providers": [["Provider local authority", "Setting local authority", "URN", "Provider type", "Closed date",
                          "Setting address postcode"],
                         ["Testshire", "Testshire", 2000001, "Supported accommodation", None, "ZZ1 1AB"]],
    })
    extra = tmp_path / "fostering.csv"
    extra.write_text("URN,Provision type,Placement code,Placement provider code,Setting postcode\n"
                     "3000001,Fostering agency,\"U1,U2\",PR4,ZZ2 2BC\n", encoding="utf-8")
    return [wb, extra]


def _postcodes(tmp_path: Path) -> Path:
    f = tmp_path / "nspl.csv"
    f.write_text("pcd,pcds,laua,cty,oseast1m,osnrth1m,doterm\n"
                 "ZZ1 1AA,ZZ1 1AA,E08000003,E99999999,384000,398000,\n"
                 "ZZ1 1AB,ZZ1 1AB,E08000003,E99999999,384100,398100,\n"
                 "ZZ2 2BB,ZZ2 2BB,E08000007,E99999999,389000,390000,\n"
                 "ZZ2 2BC,ZZ2 2BC,E08000007,E99999999,389100,390100,\n"
                 "ZZ7 7WW,ZZ7 7WW,W06000015,,318000,175000,\n", encoding="utf-8")
    return f


ROWS = [
    "1,01/04/2025,S,C2,N1,K2,PR1,,,,ZZ1 1AA,ZZ1 1AA,1000001",    # 1 fine everywhere
    "2,01/04/2025,S,C2,N1,K2,PR1,,,,ZZ1 1AA,ZZ2 2BB,1000002",    # 2 closed 01/06 (228), PR1 elsewhere (229)
    "3,01/04/2025,S,C2,N1,U1,PR4,,,,ZZ1 1AA,ZZ1 1AA,9999999",    # 3 unknown URN (1008)
    "4,01/04/2025,S,C2,N1,U3,PR1,,,,ZZ1 1AA,ZZ2 2BC,3000001",    # 4 U3 not its type (219), PR1 not its code (224)
    "5,01/04/2025,S,C2,N1,K3,PR4,,,,ZZ1 1AA,ZZ2 2BB,2000001",    # 5 K3 where it has no setting (241), 221
    "6,01/04/2025,S,C2,N1,U1,PR4,,,,ZZ1 1AA,ZZ1 1AA,",           # 6 no URN in England (218)
    "7,01/04/2025,S,C2,N1,U1,PR4,,,,ZZ1 1AA,ZZ7 7WW,3000001",    # 7 URN for a Welsh placement (243)
]


def _validate(tmp_path: Path, *extra) -> tuple[dict, dict]:
    out = tmp_path / "out"
    p = cli("validate", _return(tmp_path, ROWS), "--year", "2025/26", "--la", "352", "--rules", URN_RULES,
            "--output", out, *extra, check=0)
    status = {r["code"]: r["status"] for r in csv.DictReader(open(out / "summary.csv", encoding="utf-8"))}
    flagged: dict[str, list[int]] = {}
    for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8")):
        flagged.setdefault(r["code"], []).append(int(r["row"]))
    return status, {c: sorted(v) for c, v in flagged.items()}, p


def test_without_the_files_each_rule_names_the_one_it_needs(tmp_path):
    status, flagged, _ = _validate(tmp_path)
    providers, postcodes = "needs providers (--providers FILE)", "needs postcodes (--postcodes FILE)"
    for code in ("1008", "219", "221", "224", "227", "228"):
        assert status[code] == f"skipped: {providers}"
    for code in ("218", "243"):  # need no provider list: only the postcode file
        assert status[code] == f"skipped: {postcodes}"
    for code in ("229", "241"):
        assert set(status[code].removeprefix("skipped: ").split("; ")) == {providers, postcodes}
    assert flagged == {}


def test_with_the_lists_only_the_postcode_rules_stay_skipped(tmp_path):
    lists = _lists(tmp_path)
    status, flagged, _ = _validate(tmp_path, "--providers", lists[0], "--providers", lists[1])
    assert {c for c, s in status.items() if s == "ran"} == {"1008", "219", "221", "224", "227", "228"}
    assert status["218"] == status["243"] == "skipped: needs postcodes (--postcodes FILE)"
    assert flagged == {"1008": [3], "219": [4], "221": [5], "224": [4], "228": [2]}


def test_with_lists_and_postcodes_every_rule_runs(tmp_path):
    lists = _lists(tmp_path)
    status, flagged, _ = _validate(tmp_path, "--providers", lists[0], "--providers", lists[1],
                                   "--postcodes", _postcodes(tmp_path))
    assert set(status.values()) == {"ran"}
    assert flagged == {"1008": [3], "218": [6], "219": [4], "221": [5], "224": [4], "228": [2], "229": [2, 4],
                       "241": [5], "243": [7]}


def test_a_list_missing_a_column_is_one_line_exit_2(tmp_path):
    bad = workbook(tmp_path / "list.xlsx", {"Providers": [["URN", "Provider type", "Setting address postcode"],
                                                          ["1", "Children's home", "ZZ1 1AA"]]})
    p = cli("validate", _return(tmp_path, ROWS), "--year", "2025/26", "--providers", bad, check=2)
    assert p.stderr.strip().count("\n") == 0 and "Traceback" not in p.stderr
    assert "list.xlsx: sheet 'Providers' (header row 1) has no Placement code column" in p.stderr


def test_run_takes_the_provider_tables_from_the_mapping(tmp_path):
    p = cli("run", "--url", "postgresql://nobody@localhost:1/none", "--year", "2025/26",
            "--providers", tmp_path / "list.xlsx", check=2)
    assert "in a warehouse the provider tables come from the mapping" in p.stderr


def test_providers_command_writes_the_tables_for_a_warehouse(tmp_path):
    lists = _lists(tmp_path)
    p = cli("providers", *lists, "--output", tmp_path / "tables", check=0)
    assert "providers.csv (4 rows)" in p.stdout
    read = lambda n: list(csv.DictReader(open(tmp_path / "tables" / n, encoding="utf-8")))
    providers = read("providers.csv")
    assert [r["URN"] for r in providers] == ["1000001", "1000002", "2000001", "3000001"]
    assert providers[1]["REG_END"] == "01/06/2025" and providers[0]["PROVIDER_CODES"] == "PR1,PR2"
    assert [(r["URN"], r["PLACE"]) for r in read("provider_places.csv")] == [
        ("1000001", "K2"), ("1000002", "K2"), ("2000001", "H5"), ("2000001", "K3"), ("3000001", "U1"), ("3000001", "U2")]
    assert [(r["URN"], r["PLACE_PROVIDER"]) for r in read("provider_provider_codes.csv")] == [
        ("1000001", "PR1"), ("1000001", "PR2"), ("1000002", "PR1"), ("3000001", "PR4")]
