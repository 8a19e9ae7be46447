"""Property-based tests (hypothesis): the date parser against a reference in Python, on DuckDB and
PostgreSQL; the CSV loader against random valid tables written by Python's csv module."""
import csv
import io
import re
import tempfile
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator903.dialects import transpile
from validator903.engine import load_and_stage
from validator903.tables import BY_NAME

SHAPE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def reference_parse(text):
    """The contract: dd/mm/yyyy or d/m/yyyy, surrounding spaces ignored, a real calendar date in
    the years 1678-2261 (outside them, date arithmetic would overflow on SQL Server / Oracle)."""
    if text is None:
        return None
    m = SHAPE.match(text.strip(" "))
    if not m:
        return None
    d, mth, y = map(int, m.groups())
    try:
        return date(y, mth, d) if 1678 <= y <= 2261 else None
    except ValueError:
        return None


def as_text(d: date, pad_day: bool, pad_month: bool) -> str:
    return f"{d.day:02d}" if pad_day else str(d.day), f"{d.month:02d}" if pad_month else str(d.month)


real_dates = st.builds(lambda d, a, b, sp: ((" " if sp else "") + "/".join([*as_text(d, a, b), f"{d.year:04d}"])),
                       st.dates(min_value=date(1600, 1, 1), max_value=date(2400, 12, 31)),
                       st.booleans(), st.booleans(), st.booleans())
noise = st.text(alphabet="0123456789/ -.Oo", max_size=12)
texts = st.lists(st.one_of(real_dates, noise, st.just(""), st.just(" ")), min_size=1, max_size=40)


def _parse_all(conn_execute, dialect, values):
    rows = " UNION ALL ".join(f"SELECT {i} AS i, '{v}' AS v" for i, v in enumerate(values))
    sql = transpile(f"SELECT t.i, ssda_parse_date(t.v) AS d FROM ({rows}) AS t", dialect)
    return dict(conn_execute(sql))


@given(texts)
@settings(max_examples=150, deadline=None)
def test_date_parser_duckdb_matches_reference(values):
    got = _parse_all(lambda s: duckdb.connect().execute(s).fetchall(), "duckdb", values)
    assert [got[i] for i in range(len(values))] == [reference_parse(v) for v in values]


@given(texts)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_date_parser_postgres_matches_reference(pg, values):
    got = _parse_all(lambda s: pg.execute(s).fetchall(), "postgres", values)
    assert [got[i] for i in range(len(values))] == [reference_parse(v) for v in values]


cell = st.one_of(st.just(""), st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
                                      max_size=15))
header_rows = st.lists(st.fixed_dictionaries({c: cell for c in BY_NAME["header"].columns}), max_size=25)


@given(header_rows, st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"]), st.booleans())
@settings(max_examples=60, deadline=None)
def test_csv_loader_reads_back_what_python_wrote(rows, delimiter, newline, bom):
    cols = list(BY_NAME["header"].columns)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerow(cols)
    for r in rows:
        w.writerow([r[c] for c in cols])
    text = buf.getvalue()
    kept = rows  # a row of empty fields (",,,,,,") is a row; only a truly blank line is not
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "header.csv"
        p.write_text(("\ufeff" if bom else "") + text, encoding="utf-8", newline="")
        conn = duckdb.connect()
        try:
            load_and_stage(conn, [p], None)
        except Exception as e:
            # only a header line that doesn't split on the delimiter may refuse: never silently
            pytest.fail(f"valid CSV refused: {e}")
        staged = conn.execute("SELECT row_no, child, sex, dob_raw, ethnic, upn, mother, mc_dob_raw "
                              "FROM header ORDER BY row_no").fetchall()
    clean = lambda v: (v.strip(" ") or None) if v is not None else None  # TRIM: spaces, on every engine
    expected = [(i, clean(r["CHILD"]), clean(r["SEX"]), r["DOB"] or None, clean(r["ETHNIC"]), clean(r["UPN"]),
                 clean(r["MOTHER"]), r["MC_DOB"] or None) for i, r in enumerate(kept, start=1)]
    assert staged == expected
