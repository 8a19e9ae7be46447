#!/usr/bin/env python3
"""Writes the bad-input corpus: one folder per case with its input files and ``expect.yml``.

    python tests/bad_inputs/make_corpus.py      # rewrites every case folder

``expect.yml`` says either ``outcome: error`` with the text the one-line message must contain,
or ``outcome: load`` with the exact row count of every table, the warnings expected, and staged
values to check (``[table, row_no, column, value]``). tests/test_bad_inputs.py runs them all
through the command line. The files are committed, so a case can also be run by hand:
``validator903 validate tests/bad_inputs/<case> --year 2025/26``.
"""
from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
H = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
E = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
ROW = "1,M,01/02/2010,WBRI,UN1,,"
XML_CHILD = ("<CHILD><HEADER><CHILDID>1</CHILDID><UPN>UN1</UPN><SEX>M</SEX><DOB>01/02/2010</DOB>"
             "<ETHNIC>WBRI</ETHNIC><UASC>0</UASC><DUC /></HEADER>"
             "<EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>"
             "<DEC /><REC /></EPISODE></CHILD>")



def _zip(entries: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in entries.items():
            z.writestr(name, text)
    return buf.getvalue()


WORKBOOK = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
EPISODE = "<EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC /><REC /></EPISODE>"


def dates(column_values: list[str]) -> str:
    return H + "\n" + "".join(f"{i},M,{d},WBRI,UN{i},,\n" for i, d in enumerate(column_values, start=1))


CASES: dict[str, tuple[dict[str, bytes | str | None], dict]] = {
    "empty_file": ({"header.csv": ""}, {"outcome": "error", "message": "file is empty"}),
    "whitespace_only_file": ({"header.csv": "\n\n  \n"}, {"outcome": "error", "message": "file is empty"}),
    "header_only": ({"header.csv": H + "\n"}, {"outcome": "load", "rows": {"header": 0}}),
    "semicolon_delimited": ({"header.csv": H.replace(",", ";") + "\n" + ROW.replace(",", ";") + "\n"},
                            {"outcome": "load", "rows": {"header": 1}, "warnings": ["delimiter is ';'"],
                             "values": [["header", 1, "ethnic", "WBRI"]]}),
    "tab_delimited": ({"header.csv": H.replace(",", "\t") + "\n" + ROW.replace(",", "\t") + "\n"},
                      {"outcome": "load", "rows": {"header": 1}, "warnings": ["delimiter is '\\t'"],
                       "values": [["header", 1, "sex", "M"]]}),
    "utf8_bom": ({"header.csv": "\ufeff" + H + "\n" + ROW + "\n"},
                 {"outcome": "load", "rows": {"header": 1}, "values": [["header", 1, "child", "1"]]}),
    "utf16": ({"header.csv": (H + "\r\n" + ROW + "\r\n").encode("utf-16")},
              {"outcome": "load", "rows": {"header": 1}, "warnings": ["UTF-16"],
               "values": [["header", 1, "dob_raw", "01/02/2010"]]}),
    "windows_1252_pound_and_accents": (
        {"header.csv": (H + "\n1,M,01/02/2010,WBRI,Zoë Brontë £5,,\n2,F,01/02/2010,WBRI,Müller,,\n").encode("cp1252")},
        {"outcome": "load", "rows": {"header": 2}, "warnings": ["Windows-1252"],
         "values": [["header", 1, "upn", "Zoë Brontë £5"], ["header", 2, "upn", "Müller"]]}),
    "neither_utf8_nor_1252": ({"header.csv": (H + "\n1,M,,,").encode() + b"\x81\x8d,,\n"},
                              {"outcome": "error", "message": "neither UTF-8 nor Windows-1252"}),
    "quoted_commas_and_line_breaks": (
        {"header.csv": H + '\n1,M,01/02/2010,"WB,RI","line one\nline two",,\n2,F,01/02/2010,WBRI,"say ""hi""",,\n'},
        {"outcome": "load", "rows": {"header": 2},
         "values": [["header", 1, "ethnic", "WB,RI"], ["header", 1, "upn", "line one\nline two"],
                    ["header", 2, "upn", 'say "hi"']]}),
    "ragged_row_short": ({"header.csv": H + "\n" + ROW + "\n2,F,01/02/2010\n"},
                         {"outcome": "error", "message": "row 2: expected 7 fields like the header, found 3"}),
    "ragged_row_long": ({"header.csv": H + "\n" + ROW + ",extra\n"},
                        {"outcome": "error", "message": "row 1: expected 7 fields like the header, found 8"}),
    "unterminated_quote": ({"header.csv": H + '\n1,M,"01/02/2010,WBRI,UN1,,\n'},
                           {"outcome": "error", "message": "unterminated quote"}),
    "duplicated_header_column": ({"header.csv": H + ",SEX\n" + ROW + ",M\n"},
                                 {"outcome": "error", "message": "column SEX appears more than once"}),
    "missing_required_columns": ({"episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE\n1,01/04/2025,S,C2,N1,U1\n"},
                                 {"outcome": "error",
                                  "message": "lacks required column(s) PLACE_PROVIDER, DEC, REC"}),
    "extra_columns": ({"header.csv": H + ",NOTES,Social Worker\n" + ROW + ",hello,Ann\n"},
                      {"outcome": "load", "rows": {"header": 1}, "warnings": ["ignored extra column(s) 'NOTES'"]}),
    "columns_in_any_order_and_case": ({"header.csv": " upn ,Sex,child,dob,ETHNIC,mc_dob,Mother\nUN1,M,7,01/02/2010,WBRI,,\n"},
                                      {"outcome": "load", "rows": {"header": 1},
                                       "values": [["header", 1, "child", "7"], ["header", 1, "upn", "UN1"]]}),
    "unrecognised_file_beside_a_good_one": ({"notes.csv": "name,comment\nx,y\n", "header.csv": H + "\n" + ROW + "\n"},
                                            {"outcome": "load", "rows": {"header": 1},
                                             "warnings": ["notes.csv: not a 903 table"]}),
    "only_unrecognised_files": ({"notes.csv": "name,comment\nx,y\n"},
                                {"outcome": "error", "message": "no 903 table found"}),
    "folder_without_csv_or_xml": ({"readme.txt": "nothing here\n"},
                                  {"outcome": "error", "message": "no .csv or .xml files"}),
    "binary_file": ({"header.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
                    {"outcome": "error", "message": "binary file, not a CSV"}),
    "truncated_xml": ({"return.xml": "<?xml version='1.0'?>\n<EXPSSDA903>" + XML_CHILD + "<CHILD><HEADER><CHILDID>2"},
                      {"outcome": "error", "message": "broken XML at line 2"}),
    "xml_wrong_root": ({"return.xml": "<CINreturn>" + XML_CHILD + "</CINreturn>"},
                       {"outcome": "error", "message": "expected <EXPSSDA903>"}),
    "xml_without_children": ({"return.xml": "<EXPSSDA903></EXPSSDA903>"},
                             {"outcome": "error", "message": "holds no CHILD elements"}),
    "xml_unknown_elements": ({"return.xml": "<EXPSSDA903><LAID>352</LAID>" + XML_CHILD.replace(
        "<UASC>0</UASC>", "<UASC>0</UASC><SHOESIZE>4</SHOESIZE>") + "</EXPSSDA903>"},
                             {"outcome": "load", "rows": {"header": 1, "episodes": 1, "reviews": 0},
                              "warnings": ["ignored unknown element(s) <LAID> in <EXPSSDA903> (line 1), <SHOESIZE> in <HEADER> (line 1)"]}),
    "xml_valid": ({"return.xml": "<EXPSSDA903>" + XML_CHILD + "</EXPSSDA903>"},
                  {"outcome": "load", "rows": {"header": 1, "episodes": 1, "uasc": 0, "missing": 0},
                   "values": [["header", 1, "uasc", "0"], ["episodes", 1, "place", "U1"]]}),
    "one_megabyte_field": ({"header.csv": H + "\n1,M,01/02/2010,WBRI," + "X" * 1_048_576 + ",,\n2,F,,,,,\n"},
                           {"outcome": "load", "rows": {"header": 2}, "lengths": [["header", 1, "upn", 1048576]]}),
    "impossible_and_odd_dates": (
        {"header.csv": H + "\n1,M,31/02/2020,,,,\n2,M,2020-13-01,,,,\n3,M,00/00/0000,,,,\n4,M,1/4/2006,,,,\n"
                           "5,M,29/02/2024,,,,\n6,M,29/02/2023,,,,\n7,M, 01/02/2009 ,,,,\n8,M,2020-01-01,,,,\n"},
        {"outcome": "load", "rows": {"header": 8},
         "values": [["header", 1, "dob", None], ["header", 1, "dob_raw", "31/02/2020"],
                    ["header", 2, "dob", None], ["header", 3, "dob", None], ["header", 4, "dob", "2006-04-01"],
                    ["header", 5, "dob", "2024-02-29"], ["header", 6, "dob", None],
                    ["header", 7, "dob", "2009-02-01"], ["header", 8, "dob", None]]}),
    "blank_lines": ({"header.csv": H + "\n\n" + ROW + "\n\n\n2,F,,,,,\n\n"},
                    {"outcome": "load", "rows": {"header": 2}, "values": [["header", 2, "child", "2"]]}),
    "crlf_line_ends": ({"header.csv": H + "\r\n" + ROW + "\r\n2,F,,,,,\r\n"},
                       {"outcome": "load", "rows": {"header": 2}, "values": [["header", 2, "sex", "F"],
                                                                             ["header", 1, "mc_dob_raw", None]]}),
    "trailing_spaces_and_lower_case_codes": ({"header.csv": H + "\n1 ,M ,01/02/2010,wbri,UN1,,\n"},
                                             {"outcome": "load", "rows": {"header": 1},
                                              "values": [["header", 1, "child", "1"], ["header", 1, "sex", "M"],
                                                         ["header", 1, "ethnic", "wbri"]]}),
    "child_ids_with_leading_zeros": ({"header.csv": H + "\n00123,M,,,,,\n123,F,,,,,\n0,M,,,,,\n"},
                                     {"outcome": "load", "rows": {"header": 3},
                                      "values": [["header", 1, "child", "00123"], ["header", 2, "child", "123"],
                                                 ["header", 3, "child", "0"]]}),
    "excel_scientific_notation_ids": ({"header.csv": H + "\n1.23E+05,M,,,,,\n123456,F,,,,,\n"},
                                      {"outcome": "load", "rows": {"header": 2},
                                       "warnings": ["scientific notation (e.g. 1.23E+05)"],
                                       "values": [["header", 1, "child", "1.23E+05"]]}),
    "same_table_twice": ({"header.csv": H + "\n" + ROW + "\n", "Header 2025.csv": H + "\n2,F,,,,,\n"},
                         {"outcome": "error", "message": "supplies the header table again"}),
    "csv_and_xml_together": ({"return.xml": "<EXPSSDA903>" + XML_CHILD + "</EXPSSDA903>",
                              "sw_episodes.csv": "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,01/02/2010,SW1,01/04/2025,,\n"},
                             {"outcome": "load", "rows": {"header": 1, "sw_episodes": 1}}),
    # -- issue 15: read exactly or refuse, say what looks wrong -----------------------------------
    "cr_only_line_ends": ({"header.csv": H + "\r" + ROW + "\r2,F,,,,,\r"},
                          {"outcome": "load", "rows": {"header": 2}, "warnings": ["lines end in CR only"],
                           "values": [["header", 2, "sex", "F"], ["header", 1, "ethnic", "WBRI"]]}),
    "header_line_over_128kb": ({"header.csv": H + "," + "N" * 200_000 + "\n" + ROW + ",x\n"},
                               {"outcome": "load", "rows": {"header": 1}, "warnings": ["ignored extra column(s)"]}),
    "title_line_above_header": ({"header.csv": "Children looked after 2025-26,,,\n" + H + "\n" + ROW + "\n"},
                                {"outcome": "load", "rows": {"header": 1},
                                 "warnings": ["the header is on line 2", "Children looked after"],
                                 "values": [["header", 1, "child", "1"]]}),
    "excel_sep_line": ({"header.csv": "sep=;\n" + H.replace(",", ";") + "\n" + ROW.replace(",", ";") + "\n"},
                       {"outcome": "load", "rows": {"header": 1}, "warnings": ["the header is on line 2", "sep=;"],
                        "values": [["header", 1, "sex", "M"]]}),
    "date_column_iso": ({"header.csv": dates(["2005-07-07", "2006-01-31", "2010-12-01"])},
                        {"outcome": "load", "rows": {"header": 3},
                         "warnings": ["column DOB holds dates as yyyy-mm-dd (e.g. 2005-07-07)", "re-export"],
                         "values": [["header", 1, "dob", None], ["header", 1, "dob_raw", "2005-07-07"]]}),
    "date_column_dashes": ({"header.csv": dates(["07-07-2005", "31-01-2006"])},
                           {"outcome": "load", "rows": {"header": 2},
                            "warnings": ["column DOB holds dates as dd-mm-yyyy with dashes"]}),
    "date_column_two_digit_year": ({"header.csv": dates(["7/7/05", "31/1/06"])},
                                   {"outcome": "load", "rows": {"header": 2},
                                    "warnings": ["column DOB holds dates as a two-digit year (e.g. 31/1/06)"]}),
    "date_column_excel_datetime": ({"header.csv": dates(["07/07/2005 00:00:00", "31/01/2006 00:00:00", "01/02/2010"])},
                                   {"outcome": "load", "rows": {"header": 3},
                                    "warnings": ["column DOB holds dates as a date and time, as Excel writes"],
                                    "values": [["header", 3, "dob", "2010-02-01"]]}),
    "child_excel_text_marker": ({"header.csv": H + "\n'900000,M,,,,,\n'900001,F,,,,,\n"},
                                {"outcome": "load", "rows": {"header": 2},
                                 "warnings": ["2 CHILD value(s) start with an apostrophe (e.g. '900000)"],
                                 "values": [["header", 1, "child", "'900000"]]}),
    "child_number_dot_zero": ({"header.csv": H + "\n900000.0,M,,,,,\n900001,F,,,,,\n"},
                              {"outcome": "load", "rows": {"header": 2},
                               "warnings": ["1 CHILD value(s) end in .0 (e.g. 900000.0)"]}),
    "non_breaking_space_in_code": ({"header.csv": H + "\n1,M\u00a0,01/02/2010,WBRI,UN1,,\n2,F,,,,,\n"},
                                   {"outcome": "load", "rows": {"header": 2},
                                    "warnings": ["1 SEX value(s) hold a non-breaking space (first at row 1: 'M[nbsp]')"],
                                    "values": [["header", 1, "sex", "M\u00a0"]]}),
    "zero_width_space_in_id": ({"header.csv": H + "\n\u200b1,M,,,,,\n"},
                               {"outcome": "load", "rows": {"header": 1},
                                "warnings": ["1 CHILD value(s) hold a zero-width space"]}),
    "previous_same_as_current": ({"header.csv": H + "\n" + ROW + "\n"},
                                 {"outcome": "load", "args": ["--previous", "{case}"], "rows": {"header": 1, "header_last": 1},
                                  "warnings": ["is the same as the current year's input"]}),
    "dates_before_the_year": ({"episodes.csv": E + "\n1,01/04/2019,S,C2,N1,U1,PR1,01/06/2019,E11,,,,\n"
                                                  "2,05/05/2019,S,C2,N1,U1,PR1,,,,,,\n"},
                              {"outcome": "load", "rows": {"episodes": 2},
                               "warnings": ["--year 2025/26: the dates in the return end before 01/04/2025",
                                            "is this the 2019/20 return?"]}),
    "dates_after_the_year": ({"episodes.csv": E + "\n1,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,E11,,,,\n"
                                                 "2,05/05/2025,S,C2,N1,U1,PR1,,,,,,\n"},
                             {"outcome": "load", "args": ["--year", "2023/24"], "rows": {"episodes": 2},
                              "warnings": ["3 of 3 dates in the return lie after 31/03/2024"]}),
    "workbook_beside_csvs": ({"header.csv": H + "\n" + ROW + "\n", "903 return.xlsx": WORKBOOK},
                             {"outcome": "load", "rows": {"header": 1},
                              "warnings": ["903 return.xlsx: an Excel workbook: save each sheet as CSV UTF-8"]}),
    "helper_files_beside_csvs": ({"header.csv": H + "\n" + ROW + "\n", "~$header.csv": b"\x05owner\x00\x00",
                                  "._header.csv": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
                                  ".~lock.header.csv#": ",me,host,01.12.2026 10:00,file:///home;",
                                  ".DS_Store": b"\x00\x00\x00\x01Bud1", "Thumbs.db": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                  "header.csv.gz": gzip.compress(b"CHILD\n1\n", mtime=0), "notes.txt": "to do\n",
                                  "old.csv": None, "episodes.csv~": E + "\n"},
                                 {"outcome": "load", "rows": {"header": 1},
                                  "warnings": ["~$header.csv: Excel's owner file", "._header.csv: a macOS resource-fork",
                                               ".~lock.header.csv#: LibreOffice's lock file", ".DS_Store: a file macOS",
                                               "Thumbs.db: a file Windows", "header.csv.gz: a compressed file",
                                               "notes.txt: not a .csv or .xml file",
                                               "old.csv: a folder named like a data file",
                                               "episodes.csv~: an editor's backup"]}),
    "binary_csv_beside_a_good_one": ({"header.csv": H + "\n" + ROW + "\n", "export.csv": b"\x00\x01\x02binary"},
                                     {"outcome": "load", "rows": {"header": 1},
                                      "warnings": ["export.csv: binary file, not a CSV"]}),
    "workbook_given_as_input": ({"return.xlsx": WORKBOOK},
                                {"outcome": "error", "input": "return.xlsx",
                                 "message": "an Excel workbook: save each sheet as CSV UTF-8"}),
    "workbook_named_csv_given_as_input": ({"header.csv": WORKBOOK},
                                          {"outcome": "error", "input": "header.csv", "message": "an Excel workbook"}),
    "zip_given_as_input": ({"returns.zip": _zip({"header.csv": H + "\n"})},
                           {"outcome": "error", "input": "returns.zip", "message": "a zip archive: extract it"}),
    "xml_unknown_element_in_episode": (
        {"return.xml": "<EXPSSDA903>\n" + XML_CHILD.replace("<LS>C2</LS>", "<LEGAL_STATUS>C2</LEGAL_STATUS>") + "\n</EXPSSDA903>"},
        {"outcome": "load", "rows": {"header": 1, "episodes": 1},
         "warnings": ["ignored unknown element(s) <LEGAL_STATUS> in <EPISODE> (line 2)"],
         "values": [["episodes", 1, "ls", None], ["episodes", 1, "place", "U1"]]}),
    "xml_unknown_element_in_review": (
        {"return.xml": "<EXPSSDA903>" + XML_CHILD.replace("<DUC />", "<DUC /><AREVIEW><REVIEW_DATE>01/05/2025</REVIEW_DATE>"
                                                          "<REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>") + "</EXPSSDA903>"},
        {"outcome": "load", "rows": {"header": 1, "reviews": 1},
         "warnings": ["<REVIEW_DATE> in <AREVIEW>"], "values": [["reviews", 1, "review_raw", None],
                                                                ["reviews", 1, "review_code", "PN1"]]}),
    "xml_second_header": ({"return.xml": "<EXPSSDA903>\n" + XML_CHILD.replace("<EPISODE>", "\n<HEADER><CHILDID>1</CHILDID>"
                                                                              "</HEADER><EPISODE>") + "</EXPSSDA903>"},
                          {"outcome": "error", "message": "the <CHILD> at line 2 has a second <HEADER> (line 3)"}),
    "xml_repeated_field": ({"return.xml": "<EXPSSDA903>\n\n" + XML_CHILD.replace("<LS>C2</LS>", "<LS>C2</LS>\n<LS>E1</LS>")
                            + "</EXPSSDA903>"},
                           {"outcome": "error", "message": "<LS> appears twice in one <EPISODE> (line 4) of the <CHILD> at line 3"}),
    "xml_default_namespace": ({"return.xml": '<EXPSSDA903 xmlns="http://www.dfe.gov.uk/ssda903">' + XML_CHILD + "</EXPSSDA903>"},
                              {"outcome": "load", "rows": {"header": 1, "episodes": 1},
                               "values": [["episodes", 1, "ls", "C2"]]}),
    "xml_prefixed_namespace": ({"return.xml": '<d:EXPSSDA903 xmlns:d="urn:dfe">' + XML_CHILD.replace("<", "<d:").replace("<d:/", "</d:")
                                + "</d:EXPSSDA903>"},
                               {"outcome": "load", "rows": {"header": 1, "episodes": 1},
                                "values": [["header", 1, "sex", "M"]]}),
}


def write_case(name: str, files: dict[str, bytes | str], expect: dict) -> None:
    folder = HERE / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for fname, content in files.items():
        if content is None:  # a folder
            (folder / fname).mkdir()
            (folder / fname / "inside.csv").write_text("CHILD\n1\n", encoding="utf-8")
            continue
        (folder / fname).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (folder / "expect.yml").write_text(yaml.safe_dump(expect, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    for name, (files, expect) in CASES.items():
        write_case(name, files, expect)
    print(f"wrote {len(CASES)} cases under {HERE}")
