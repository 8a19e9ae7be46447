"""validator903 fix end to end: only the changed cells' bytes change, the inputs are never touched,
OUT is replaced whole, XML is refused in one line, --dry-run and --apply behave as documented."""
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from validator903.fixes.csv_edit import edit

HEADER_COLS = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True)


def changes(folder: Path) -> list[dict]:
    with open(folder / "changes.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_only_the_changed_cell_changes_crlf_bom_quotes_and_blank_lines(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = ("\ufeff" + HEADER_COLS + "\r\n"
            '1,"m",01/01/2010,WBRI ,UN1,,\r\n'       # quoted code: stays quoted; a trailing space elsewhere kept
            "\r\n"                                    # a blank line is not a row
            '2,1,01/01/2010,"WB,RI",UN1,0,\r\n'        # old coding; a quoted value with a comma kept as is
            "3,F,01/01/2010,WBRI,UN1,0,")             # no line end at the end of the file
    (src / "header.csv").write_bytes(body.encode("utf-8"))
    before = (src / "header.csv").read_bytes()
    p = cli("fix", src, "--year", "2025/26", "--output", tmp_path / "out")
    assert p.returncode == 0, p.stderr
    assert (src / "header.csv").read_bytes() == before, "the input must never be written"
    want = body.replace('1,"m",', '1,"M",').replace("2,1,01", "2,M,01")
    assert (tmp_path / "out" / "header.csv").read_bytes() == want.encode("utf-8")
    got = {(r["row"], r["field"], r["old"], r["new"], r["confidence"]) for r in changes(tmp_path / "out")}
    assert got == {("1", "SEX", "m", "M", "certain"), ("2", "SEX", "1", "M", "certain")}
    assert "errors after, validating the corrected copy" in p.stdout


def test_windows_1252_and_a_title_line_come_back_byte_for_byte(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = "Export 2025/26 (Café)\n" + HEADER_COLS + "\n1,f,01/01/2010,WBRI,UN1,0,\n"
    (src / "header.csv").write_bytes(text.encode("cp1252"))
    p = cli("fix", src, "--year", "2025/26", "--output", tmp_path / "out")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "out" / "header.csv").read_bytes() == text.replace(",f,", ",F,").encode("cp1252")


def test_edit_refuses_a_file_whose_rows_do_not_match_what_was_loaded(tmp_path):
    f = tmp_path / "header.csv"
    f.write_text(HEADER_COLS + "\n1,m,01/01/2010,WBRI,UN1,,\n", encoding="utf-8")
    with pytest.raises(Exception, match="2 were loaded"):
        edit(f, ",", 0, {(1, 1): "M"}, expected_rows=2)


def test_dry_run_writes_changes_only_and_out_is_replaced_whole(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "header.csv").write_text(HEADER_COLS + "\n1,m,01/01/2010,WBRI,UN1,,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("fix", src, "--year", "2025/26", "--output", out).returncode == 0
    (out / "my_notes.txt").write_text("mine")
    p = cli("fix", src, "--year", "2025/26", "--output", out, "--dry-run")
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in out.iterdir()) == ["changes.csv", "my_notes.txt"], \
        "the earlier corrected copies go (they are no longer this run's); the user's file stays"
    assert [r["new"] for r in changes(out)] == ["M"]


def test_apply_certain_leaves_suggested_fixes_listed_but_unwritten(tmp_path):
    cur, prev = tmp_path / "cur", tmp_path / "prev"
    cur.mkdir(), prev.mkdir()
    (cur / "header.csv").write_text(HEADER_COLS + "\n1,M,01/01/2010,,UN1,,\n", encoding="utf-8")
    (prev / "header.csv").write_text(HEADER_COLS + "\n1,M,01/01/2010,WIRI,UN1,,\n", encoding="utf-8")
    for apply, ethnic in (("certain", ""), ("all", "WIRI")):
        out = tmp_path / f"out_{apply}"
        p = cli("fix", cur, "--previous", prev, "--year", "2025/26", "--output", out, "--apply", apply)
        assert p.returncode == 0, p.stderr
        assert [(r["new"], r["confidence"]) for r in changes(out)] == [("WIRI", "suggested")]
        assert (out / "header.csv").read_text(encoding="utf-8").splitlines()[1] == f"1,M,01/01/2010,{ethnic},UN1,,"


def test_xml_is_refused_in_one_line(tmp_path):
    xml = Path(__file__).parent / "bad_inputs" / "csv_and_xml_together" / "return.xml"
    p = cli("fix", xml, "--year", "2025/26", "--output", tmp_path / "out")
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "does not rewrite an XML return" in p.stderr
    assert not (tmp_path / "out").exists()


def test_output_in_the_input_folder_is_refused(tmp_path):
    (tmp_path / "header.csv").write_text(HEADER_COLS + "\n1,m,01/01/2010,WBRI,UN1,,\n", encoding="utf-8")
    p = cli("fix", tmp_path, "--year", "2025/26", "--output", tmp_path)
    assert p.returncode == 2 and "is where the input" in p.stderr
    p = cli("fix", tmp_path, "--year", "2025/26", "--output", tmp_path / "o", "--apply", "some")
    assert p.returncode == 2 and "--apply" in p.stderr
