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

import shutil
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

CASES: dict[str, tuple[dict[str, bytes | str], dict]] = {
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
                              "warnings": ["ignored unknown element(s) LAID, SHOESIZE"]}),
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
}


def write_case(name: str, files: dict[str, bytes | str], expect: dict) -> None:
    folder = HERE / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for fname, content in files.items():
        (folder / fname).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (folder / "expect.yml").write_text(yaml.safe_dump(expect, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    for name, (files, expect) in CASES.items():
        write_case(name, files, expect)
    print(f"wrote {len(CASES)} cases under {HERE}")
