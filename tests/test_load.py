"""Loading CSVs and the XML return: exact rows, row numbers, encodings, clear one-line errors."""
from pathlib import Path

import duckdb
import pytest

from validator903.context import CollectionYear
from validator903.errors import InputError, UsageError
from validator903.engine import load_and_stage
from validator903.synth import generate, write_csvs, write_xml

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def load(tmp_path, files: dict[str, bytes | str], previous=None):
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    for name, content in files.items():
        (d / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    conn = duckdb.connect()
    result = load_and_stage(conn, [d], previous)
    return conn, result


def rows(conn, table="header", cols="row_no, child, sex, dob_raw"):
    return conn.execute(f"SELECT {cols} FROM {table} ORDER BY row_no").fetchall()


def test_plain_csv_rows_and_numbers(tmp_path):
    conn, r = load(tmp_path, {"header.csv": f"{HEADER}\n00123,M,01/02/2010,WBRI,UN1,,\n123,F,1/2/2010,WBRI,UN1,,\n"})
    assert r.tables["header"].rows == 2
    assert rows(conn) == [(1, "00123", "M", "01/02/2010"), (2, "123", "F", "1/2/2010")]


def test_bom_crlf_blank_lines_and_quotes(tmp_path):
    text = f"\ufeff{HEADER}\r\n1,M,01/02/2010,WBRI,\"UN1\",,\r\n\r\n2,\"F\",01/02/2010,\"W,BRI\",\"line\nbreak\",,\r\n"
    conn, r = load(tmp_path, {"whatever.csv": text})
    assert r.tables["header"].rows == 2
    assert conn.execute("SELECT ethnic, upn FROM header WHERE row_no = 2").fetchone() == ("W,BRI", "line\nbreak")


def test_windows_1252_is_read_with_a_warning(tmp_path):
    text = f"{HEADER}\n1,M,01/02/2010,WBRI,Zoë £5,,\n"
    conn, r = load(tmp_path, {"header.csv": text.encode("cp1252")})
    assert conn.execute("SELECT upn FROM header").fetchone()[0] == "Zoë £5"
    assert any("Windows-1252" in w for w in r.warnings)


def test_utf16_is_read_with_a_warning(tmp_path):
    conn, r = load(tmp_path, {"header.csv": f"{HEADER}\n1,M,01/02/2010,WBRI,UN1,,\n".encode("utf-16")})
    assert rows(conn) == [(1, "1", "M", "01/02/2010")]
    assert any("UTF-16" in w for w in r.warnings)


def test_semicolons_columns_in_any_order_and_extra_columns(tmp_path):
    text = "dob;Child;SEX;ETHNIC;UPN;MOTHER;MC_DOB;NOTES\n01/02/2010;7;M;WBRI;UN1;;;hello\n"
    conn, r = load(tmp_path, {"h.csv": text})
    assert rows(conn) == [(1, "7", "M", "01/02/2010")]
    assert any("NOTES" in w for w in r.warnings)


def test_unrecognised_csv_is_skipped_with_a_warning(tmp_path):
    conn, r = load(tmp_path, {"notes.csv": "a,b\n1,2\n", "header.csv": f"{HEADER}\n1,M,,,,,\n"})
    assert set(r.tables) == {"header", "la_codes"}   # the bundled LA codes are staged on every run
    assert any("notes.csv" in w and "not a 903 table" in w for w in r.warnings)


@pytest.mark.parametrize("files, message", [
    ({"header.csv": ""}, "empty"),
    ({"header.csv": "CHILD,SEX,DOB,ETHNIC\n1,M,,\n"}, "lacks required column(s) UPN, MOTHER, MC_DOB"),
    ({"header.csv": f"{HEADER},SEX\n1,M,,,,,,\n"}, "SEX appears more than once"),
    ({"header.csv": f"{HEADER}\n1,M,,,,,\n2,F\n"}, "row 2"),
    ({"header.csv": b"\x00\x01\x02binary"}, "binary"),
    ({"header.csv": f"{HEADER}\n1,M,,,,,\n", "header2.csv": f"{HEADER}\n2,M,,,,,\n"}, "header table again"),
    ({"r.xml": "<EXPSSDA903><CHILD><HEADER>"}, "broken XML"),
    ({"r.xml": "<OTHER/>"}, "expected <EXPSSDA903>"),
])
def test_unusable_input_is_one_clear_error(tmp_path, files, message):
    with pytest.raises(UsageError) as e:
        load(tmp_path, files)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_header_only_file_is_an_empty_table(tmp_path):
    conn, r = load(tmp_path, {"header.csv": HEADER + "\n"})
    assert r.tables["header"].rows == 0


def test_uasc_flag_derived_from_uasc_table(tmp_path):
    conn, r = load(tmp_path, {"header.csv": f"{HEADER}\n1,M,,,,,\n2,F,,,,,\n",
                              "uasc.csv": "CHILD,SEX,DOB,DUC\n2,F,01/01/2010,01/01/2028\n"})
    assert conn.execute("SELECT child, uasc FROM header ORDER BY row_no").fetchall() == [("1", "0"), ("2", "1")]


def test_xml_and_csv_of_the_same_return_stage_identically(tmp_path):
    year = CollectionYear.parse("2025/26")
    s = generate(60, year, seed=5, error_rate=0)  # XML copies header DOB into every table; CSVs need not agree
    write_csvs(s.current, tmp_path / "csv", year)
    write_xml(s.current, tmp_path / "xml" / "return.xml")
    staged = {}
    for kind, path in (("csv", tmp_path / "csv"), ("xml", tmp_path / "xml" / "return.xml")):
        conn = duckdb.connect()
        r = load_and_stage(conn, [path], None)
        staged[kind] = {t: conn.execute(f"SELECT * EXCLUDE (row_no) FROM {t} ORDER BY ALL").fetchall()
                        for t in r.tables if t not in ("sw_episodes", "dolo")}
    assert staged["xml"].keys() == staged["csv"].keys() - {"sw_episodes", "dolo"}
    for table, data in staged["xml"].items():
        assert data == staged["csv"][table], table


def test_row_numbers_follow_the_file_on_a_large_parallel_read(tmp_path):
    n = 120_000
    lines = [HEADER] + [f"{i},M,01/02/2010,WBRI,UN1,," if i % 1000 else "" for i in range(1, n + 1)]
    conn, r = load(tmp_path, {"header.csv": "\n".join(lines) + "\n"})
    # blank lines (every 1000th) are not rows: row k is the k-th non-blank data line
    expected = [i for i in range(1, n + 1) if i % 1000]
    got = conn.execute("SELECT row_no, child FROM header ORDER BY row_no").fetchall()
    assert [int(c) for _, c in got] == expected
    assert [rn for rn, _ in got] == list(range(1, len(expected) + 1))


def test_tables_staged_side_by_side_match_those_staged_one_after_another(tmp_path):
    """validate stages the tables on parallel cursors into the database file; a test harness one
    after another in memory: the same rows, the same row numbers."""
    from validator903.load import load_all
    from validator903.reference import load_references
    from validator903.stage import stage_duckdb

    year = CollectionYear.parse("2025/26")
    s = generate(400, year, seed=3)
    write_csvs(s.current, tmp_path / "cur", year)
    write_csvs(s.previous, tmp_path / "prev", CollectionYear(year.start_year - 1))
    side = duckdb.connect(str(tmp_path / "v.duckdb"))
    r = load_and_stage(side, [tmp_path / "cur"], [tmp_path / "prev"])
    one = duckdb.connect()
    loaded = load_all(one, [tmp_path / "cur"], [tmp_path / "prev"])
    load_references(one, None, loaded)
    stage_duckdb(one, sorted(loaded.tables))
    assert len(r.tables) > 10 and any(t.endswith("_last") for t in r.tables)
    for t in r.tables:
        assert side.execute(f"SELECT * FROM {t} ORDER BY row_no").fetchall() == \
            one.execute(f"SELECT * FROM {t} ORDER BY row_no").fetchall(), t
        assert r.tables[t].rows == side.execute(f"SELECT count(*) FROM {t}").fetchone()[0], t  # CREATE's count
    assert side.execute("SELECT current_setting('threads')").fetchone() == \
        one.execute("SELECT current_setting('threads')").fetchone()   # restored after staging


def test_of_two_unreadable_files_the_error_names_the_first_every_time(tmp_path):
    files = {"header.csv": f"{HEADER}\n1,M,,,,,\n2,F\n",
             "episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                             "1,01/04/2025,S,C2,N1,U1,PR1,,,,,,\n1,02/04/2025\n"}
    for _ in range(5):
        with pytest.raises(UsageError) as e:
            load(tmp_path, files)
        assert "episodes.csv" in str(e.value) and "row 2" in str(e.value), str(e.value)


@pytest.mark.parametrize("sex, child", [(f"M{ch}", "1") for ch in "\u00a0\u200b\u200c\u200d\u2060\ufeff\u202f\u2007\u00ad\t"]
                         + [("M", "1.23E+05"), ("M", "'900000"), ("M", "900000.0"), ("M", "1")])
def test_what_a_file_lacks_spares_a_check_but_never_a_warning(tmp_path, sex, child):
    """The checks skip a scan for what the file's text does not hold (CsvFile.may_hide_characters,
    may_hold_child_forms): a file with any invisible character (a quoted tab too) or any of Excel's
    CHILD forms still gets its warning, and a plain file has both facts False."""
    from validator903.load.checks import INVISIBLE, _staged_columns, table_warnings

    value = f'"{sex}"' if "\t" in sex else sex
    conn, result = load(tmp_path, {"header.csv": f"{HEADER}\n{child},{value},01/01/2010,WBRI,,,\n2,F,01/01/2010,WBRI,,,\n"})
    f = result.tables["header"].file
    plain = sex == "M" and child == "1"
    assert (f.may_hide_characters, f.may_hold_child_forms) == ((False, False) if plain else (sex != "M", child != "1"))
    warnings = table_warnings(conn, "header", _staged_columns(conn)["header"], "header.csv", f)
    assert warnings == table_warnings(conn, "header", _staged_columns(conn)["header"], "header.csv")
    if sex != "M":
        assert any(f"SEX value(s) hold a {INVISIBLE[sex[1]]}" in w for w in warnings), warnings
    if child != "1":
        assert any("CHILD value(s)" in w for w in warnings), warnings
    if plain:
        assert warnings == []


@pytest.mark.parametrize("value", ["M\u00e9", "\u00a3 12", "2\u20134"] + [f"M{ch}" for ch in "\u00a0\u200b\u200c\u200d\u2060\ufeff\u202f\u2007\u00ad\t"])
def test_the_cheap_probe_for_invisible_characters_misses_none(value):
    """table_warnings first asks which rows could hold an invisible character (beyond ASCII, or a
    tab), then the exact pattern says which: a warning comes for every invisible character, and
    none for an accent, a pound sign or a dash, which the probe lets through."""
    from validator903.load.checks import INVISIBLE, table_warnings

    assert all(ord(ch) > 127 for ch in INVISIBLE if ch != "\t")  # what the probe relies on
    conn = duckdb.connect()
    conn.execute("CREATE TABLE header (row_no BIGINT, child VARCHAR, sex VARCHAR)")
    conn.execute("INSERT INTO header VALUES (1, '1', ?), (2, '2', 'F')", [value])
    warnings = table_warnings(conn, "header", {"row_no": "BIGINT", "child": "VARCHAR", "sex": "VARCHAR"}, "header.csv")
    invisible = [ch for ch in value if ch in INVISIBLE]
    assert len(warnings) == (1 if invisible else 0), warnings
    if invisible:
        assert f"1 SEX value(s) hold a {INVISIBLE[invisible[0]]}" in warnings[0]
