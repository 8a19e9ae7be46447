"""The Ofsted provider list reader (validator903.load.providers): every layout Ofsted has used, by
its headers, on small workbooks these tests write (made-up providers, no real addresses)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from validator903.errors import InputError, UsageError
from validator903.load.providers import COLUMNS, read_provider_lists

EXTRA = Path("/work/shared/peer_fake_data_extra")


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def by_urn(paths) -> dict[str, dict]:
    return {r["URN"]: r for r in read_provider_lists(paths).rows}


CH_HEADER = ["Local Authority", "URN", "Provider Type", "Setting Name", "Postcode Area", "Closed Date",
             "Provider Code", "Provider Placement Code", "Setting Address Postcode", "Owner Postcode"]
SCP_HEADER = ["URN", "Provision type", "Setting name", "Setting postcode", "Local authority", "Placement code",
              "Placement provider code"]


def test_children_homes_list_provider_information_sheet(tmp_path):
    f = workbook(tmp_path / "ch.xlsx", {
        "Provider information": [CH_HEADER,
                                 ["Testshire", "SC000001", "Children's Home", "Home A", "ZZ9", "-", "K2", "PR1/PR2",
                                  "zz9 9zz", "ZZ1 1ZZ"]],
        "Registration Conditions": [["Local Authority", "URN", "Conditions"], ["Testshire", "SC000001", "none"]],
    })
    lists = read_provider_lists([f])
    assert lists.rows == [{"URN": "SC000001", "PROVIDER_TYPE": "Children's Home", "PLACES": "K2",
                           "PROVIDER_CODES": "PR1,PR2", "REG_END": None, "POSTCODE": "zz9 9zz",
                           "LA_NAME": "Testshire", "LIST": "ch.xlsx:Provider information"}]
    # the setting's postcode, not the owner's; the other sheet is named, not silently dropped
    assert any("'Registration Conditions'" in w for w in lists.warnings)


def test_children_homes_list_with_separate_address_sheet(tmp_path):
    f = workbook(tmp_path / "ch_old.xlsx", {
        "Settings and Inspection Info": [["URN", "Local Authority", "Provider Code", "Provider Placement Code",
                                          "Closed Date"],
                                         ["SC000002", "Testshire", "K1", "PR3", datetime(2025, 6, 30)],
                                         ["SC000003", "Testshire", "K2", "PR4", None]],
        "Address Details": [["URN", "Setting Address Postcode"], ["SC000003", "ZZ9 1AB"], ["SC000002", "ZZ9 2AB"]],
    })
    rows = by_urn([f])
    assert rows["SC000002"]["POSTCODE"] == "ZZ9 2AB" and rows["SC000003"]["POSTCODE"] == "ZZ9 1AB"
    assert rows["SC000002"]["REG_END"] == "30/06/2025" and rows["SC000003"]["REG_END"] is None
    assert rows["SC000002"]["PLACES"] == "K1" and rows["SC000002"]["PROVIDER_CODES"] == "PR3"


def test_social_care_providers_current_and_closed_sheets(tmp_path):
    f = workbook(tmp_path / "scp.xlsx", {
        "Current providers": [SCP_HEADER, ["1000001", "Fostering", "F", "ZZ9 3AB", "Testshire", "U1, U2,U3", "PR4"]],
        "Providers closed in 2024-25": [SCP_HEADER[:5] + ["Deregistration date"] + SCP_HEADER[5:],
                                        ["1000002", "Adoption", "A", "ZZ9 4AB", "Testshire", "01/03/2025", "A3", "PR5"]],
    })
    rows = by_urn([f])
    assert rows["1000001"]["PLACES"] == "U1,U2,U3" and rows["1000001"]["REG_END"] is None
    assert rows["1000002"]["REG_END"] == "01/03/2025"
    assert [r["LIST"] for r in rows.values()] == ["scp.xlsx:Current providers", "scp.xlsx:Providers closed in 2024-25"]


def test_closed_providers_sheet_must_give_the_closing_date(tmp_path):
    f = workbook(tmp_path / "scp.xlsx", {"Providers closed in 2024-25": [SCP_HEADER, ["1", "F", "F", "ZZ9", "T", "U1", "PR4"]]})
    with pytest.raises(InputError, match=r"scp.xlsx: sheet 'Providers closed in 2024-25' \(header row 1\) has no "
                                         r"Deregistration date column"):
        read_provider_lists([f])


def test_2025_list_providers_and_supported_accommodation(tmp_path):
    """URNs held as numbers stay text ('1', never 1 or '1.0'); SA settings take K3 (and H5, the
    2023/24 code for Ofsted-registered supported accommodation), one row per setting."""
    f = workbook(tmp_path / "scp_ch_2025.xlsx", {
        "Providers": [["Local authority", "URN", "Provider type", "Deregistration date", "Placement code",
                       "Provider postcode", "Placement provider code"],
                      ["Testshire", 2000001, "Children's home", None, "K1", "ZZ9 5AB", "PR4"]],
        "SA Providers": [["Provider local authority", "Setting Local Authority", "URN", "Provider type", "Closed date",
                          "Setting address postcode", "Capacity"],
                         ["Otherton", "Testshire", 2000002.0, "Supported accommodation", "na", "ZZ9 6AB", 3],
                         ["Otherton", "Otherton", 2000002.0, "Supported accommodation", "na", "ZZ8 6AB", 2]],
    })
    rows = read_provider_lists([f]).rows
    assert [r["URN"] for r in rows] == ["2000001", "2000002", "2000002"]
    assert rows[0]["POSTCODE"] == "ZZ9 5AB" and rows[0]["PROVIDER_CODES"] == "PR4"
    assert rows[1]["PLACES"] == "H5,K3" and rows[1]["PROVIDER_CODES"] is None and rows[1]["REG_END"] is None
    assert (rows[1]["LA_NAME"], rows[2]["LA_NAME"]) == ("Testshire", "Otherton")  # where the setting is
    assert (rows[1]["POSTCODE"], rows[2]["POSTCODE"]) == ("ZZ9 6AB", "ZZ8 6AB")


def test_header_spellings_case_spaces_and_a_title_row_above(tmp_path):
    f = workbook(tmp_path / "combined.xlsx", {
        "Providers": [["Ofsted: providers at 31 August"], [],
                      ["  local   AUTHORITY", "urn", "PROVIDER TYPE", "Deregistration Date", "Placement Code",
                       "Setting Address Postcode", "Placement Provider Code"],
                      ["Testshire", " 3000001 ", "Children's Home", datetime(2024, 2, 29), "K1", "ZZ9 7AB",
                       "Not provided as service is inspected as part of the ILACS inspection"],
                      [None, None, None, None, None, None, None],
                      ["Testshire", "3000002", "Children's Home", "2024-03-31", "K1,K2", "ZZ9 8AB", "PR1; PR2"]],
    })
    rows = by_urn([f])
    assert rows["3000001"]["REG_END"] == "29/02/2024" and rows["3000001"]["PROVIDER_CODES"] is None
    assert rows["3000002"]["REG_END"] == "31/03/2024" and rows["3000002"]["PROVIDER_CODES"] == "PR1,PR2"


def test_csv_list(tmp_path):
    f = tmp_path / "providers.csv"
    f.write_text("URN,Provider type,Placement code,Placement provider code,Deregistration date,Setting address postcode\n"
                 "4000001,Children's home,K2,PR4,15/01/2026,ZZ9 9AB\n4000002,Fostering,U1/U2,PR3,,ZZ9 9AC\n",
                 encoding="utf-8-sig")
    rows = by_urn([f])
    assert rows["4000001"] == {"URN": "4000001", "PROVIDER_TYPE": "Children's home", "PLACES": "K2",
                               "PROVIDER_CODES": "PR4", "REG_END": "15/01/2026", "POSTCODE": "ZZ9 9AB",
                               "LA_NAME": None, "LIST": "providers"}
    assert rows["4000002"]["PLACES"] == "U1,U2"
    assert set(rows["4000001"]) == set(COLUMNS)


def test_several_files_in_order(tmp_path):
    a = workbook(tmp_path / "a.xlsx", {"Providers": [SCP_HEADER, ["5000001", "F", "F", "ZZ9", "T", "U1", "PR4"]]})
    b = workbook(tmp_path / "b.xlsx", {"Providers": [SCP_HEADER, ["5000002", "F", "F", "ZZ9", "T", "U1", "PR4"]]})
    assert [r["URN"] for r in read_provider_lists([a, b]).rows] == ["5000001", "5000002"]


@pytest.mark.parametrize("sheets, message", [
    ({"Providers": [["URN", "Provider type", "Setting address postcode"], ["1", "X", "ZZ9"]]},
     r"bad.xlsx: sheet 'Providers' \(header row 1\) has no Placement code column"),
    ({"Providers": [["URN", "Placement code", "Placement provider code"], ["1", "K1", "PR1"]]},
     r"bad.xlsx: sheet 'Providers' \(header row 1\) has no Setting address postcode column"),
    ({"Providers": [["URN", "Placement code", "Setting postcode"], ["1", "K1", "ZZ9"]]},
     r"bad.xlsx: sheet 'Providers' \(header row 1\) has no Placement provider code column"),
    ({"Sheet1": [["Name", "Postcode"], ["X", "ZZ9"]]}, r"bad.xlsx: no sheet has a URN column"),
    ({"Providers": [["URN", "Placement code", "Setting postcode", "Placement provider code", "Closed date"],
                    ["1", "K1", "ZZ9", "PR1", "soon"]]},
     r"bad.xlsx, row 2, column Deregistration date: sheet 'Providers': 'soon' is not a date"),
])
def test_unusable_list_is_one_line_naming_file_sheet_and_column(tmp_path, sheets, message):
    with pytest.raises(InputError, match=message) as e:
        read_provider_lists([workbook(tmp_path / "bad.xlsx", sheets)])
    assert "\n" not in str(e.value)


def test_not_a_workbook(tmp_path):
    f = tmp_path / "list.xlsx"
    f.write_text("not a zip")
    with pytest.raises(InputError, match="list.xlsx: not an .xlsx workbook"):
        read_provider_lists([f])
    with pytest.raises(InputError, match=r"\.xls workbook"):
        (tmp_path / "old.xls").write_bytes(b"\xd0\xcf")
        read_provider_lists([tmp_path / "old.xls"])
    with pytest.raises(UsageError, match="no such file"):
        read_provider_lists([tmp_path / "missing.xlsx"])


def test_rows_without_urn_are_counted_not_hidden(tmp_path):
    f = workbook(tmp_path / "p.xlsx", {"Providers": [SCP_HEADER, ["6000001", "F", "F", "ZZ9", "T", "U1", "PR4"],
                                                     [None, "F", "F", "ZZ9", "T", "U1", "PR4"]]})
    lists = read_provider_lists([f])
    assert len(lists.rows) == 1 and any("1 row(s) without a URN" in w for w in lists.warnings)


@pytest.mark.skipif(not EXTRA.is_dir(), reason="the peer's sample lists are not on this machine")
@pytest.mark.parametrize("name, urns", [
    ("ch_fake.xlsx", ["njascn"]),
    ("scp_fake.xlsx", ["bababooey", "p4baboo7"]),
    ("combined_scp_ch_fake.xlsx", ["ARN00001", "GND00002", "MDR00003", "RHN00004"]),
    ("scp_ch_2025_fake.xlsx", ["1", "2"]),
    ("scpch_assisted.xlsx", ["ARN00001", "GND00002", "MDR00003", "RHN00004", "ISL00001", "TNT00001"]),
])
def test_every_sample_format(name, urns):
    assert [r["URN"] for r in read_provider_lists([EXTRA / name]).rows] == urns


def test_raw_tables_one_row_per_code(tmp_path):
    """attach() writes the raw reference tables: the list rows, and each (URN, code) pair once."""
    import duckdb

    from validator903.load import LoadResult
    from validator903.load.providers import attach

    f = workbook(tmp_path / "p.xlsx", {
        "Providers": [SCP_HEADER, ["7000001", "F", "F", "ZZ9", "T", "U1,U2", "PR3/PR4"],
                      ["7000001", "F", "F", "ZZ8", "T", "U2", "PR4"]],
        "SA Providers": [["URN", "Setting address postcode", "Capacity"], [7000002, "ZZ7", 1]]})
    conn, result = duckdb.connect(), LoadResult()
    attach(conn, [f], result)
    assert conn.execute("SELECT row_no, urn, postcode FROM raw.providers ORDER BY row_no").fetchall() == [
        (1, "7000001", "ZZ9"), (2, "7000001", "ZZ8"), (3, "7000002", "ZZ7")]
    assert conn.execute("SELECT urn, place FROM raw.provider_places ORDER BY row_no").fetchall() == [
        ("7000001", "U1"), ("7000001", "U2"), ("7000002", "H5"), ("7000002", "K3")]
    assert conn.execute("SELECT urn, place_provider FROM raw.provider_provider_codes ORDER BY row_no").fetchall() == [
        ("7000001", "PR3"), ("7000001", "PR4")]
    assert {t: result.tables[t].rows for t in result.tables} == {
        "providers": 3, "provider_places": 4, "provider_provider_codes": 2}


def test_a_large_list_loads_whole(tmp_path):
    """Ofsted's lists hold thousands of rows of ~50 columns: every row arrives (a generous time
    bound only catches a reader gone row-by-row slow; the machine running tests may be busy)."""
    import time

    import duckdb

    from validator903.load import LoadResult
    from validator903.load.providers import attach

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Providers")
    ws.append(SCP_HEADER + [f"Extra {i}" for i in range(40)])
    for i in range(4_000):
        ws.append([str(8000000 + i), "F", "F", "ZZ9 9ZZ", "T", "U1,U2", "PR4"] + ["x"] * 40)
    wb.save(tmp_path / "big.xlsx")
    t0 = time.perf_counter()
    conn, result = duckdb.connect(), LoadResult()
    attach(conn, [tmp_path / "big.xlsx"], result)
    assert result.tables["providers"].rows == 4_000 and result.tables["provider_places"].rows == 8_000
    assert conn.execute("SELECT COUNT(DISTINCT urn), MIN(row_no), MAX(row_no) FROM raw.providers").fetchone() == (4000, 1, 4000)
    assert time.perf_counter() - t0 < 60


def test_a_provider_sheet_with_setting_columns_keeps_its_own_codes(tmp_path):
    """Supported accommodation is the SA sheet (by title, or by its headers without placement codes)."""
    f = workbook(tmp_path / "p.xlsx", {
        "Providers": [SCP_HEADER + ["Setting local authority"], ["9000001", "F", "F", "ZZ9", "T", "K2", "PR4", "T"]],
        "Sheet2": [["URN", "Setting address postcode", "Setting category"], ["9000002", "ZZ8", "Shared"]]})
    rows = by_urn([f])
    assert rows["9000001"]["PLACES"] == "K2" and rows["9000002"]["PLACES"] == "H5,K3"
