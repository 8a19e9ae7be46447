"""Each portable helper's DuckDB and PostgreSQL forms, executed on the edge cases in
helper_cases.yml (29 February, month ends, '', ' ', lower case, NULL)."""
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from validator903.dialects import helper_names, transpile
from validator903.selftest import HELPER_CASES

CASES = yaml.safe_load(HELPER_CASES.read_text())
IDS = [c["expr"] for c in CASES]


def _norm(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return value
    return int(value) if float(value).is_integer() else float(value)  # a distance keeps its 0.1


def _want(case):
    w = case["want"]
    return w.isoformat() if isinstance(w, date) else w


def test_every_helper_has_cases():
    used = {name for name in helper_names() for c in CASES if name + "(" in c["expr"]}
    assert used == helper_names() - {"ssda_trim"} | ({"ssda_trim"} & used)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_helper_duckdb(case):
    sql = transpile(f"SELECT {case['expr']} AS got", "duckdb")
    assert _norm(duckdb.connect().execute(sql).fetchone()[0]) == _want(case), sql


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_helper_postgres(case, pg):
    sql = transpile(f"SELECT {case['expr']} AS got", "postgres")
    got = pg.execute(sql).fetchone()[0]
    assert _norm(got) == _want(case), sql


@pytest.fixture(scope="module", params=["true", "false"], ids=["ansi", "no-ansi"])
def spark_ansi(request, spark):
    """The local Spark with ANSI mode on (the Spark 4 and Databricks SQL default) and off
    (Spark 3.5's default, and many Databricks clusters): the helpers must not depend on it."""
    before = spark.conf.get("spark.sql.ansi.enabled")
    spark.conf.set("spark.sql.ansi.enabled", request.param)
    yield spark
    spark.conf.set("spark.sql.ansi.enabled", before)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_helper_spark(case, spark_ansi):
    sql = transpile(f"SELECT {case['expr']} AS got", "databricks")
    want = case["databricks"]["want"] if "databricks" in case else _want(case)
    assert _norm(spark_ansi.sql(sql).collect()[0][0]) == (want.isoformat() if isinstance(want, date) else want), sql


def test_duckdb_guarded_forms_equal_the_plain_ones_on_every_short_text():
    """ssda_staged_text and ssda_is_blank skip TRIM for text that neither starts nor ends with a
    space (dialects/duckdb.yml); on every text of up to four characters from space, letter, tab and
    non-breaking space, and NULL, they give what the plain TRIM forms give."""
    import itertools

    alphabet = [" ", "a", "\t", "\u00a0"]
    texts = [None] + ["".join(p) for n in range(5) for p in itertools.product(alphabet, repeat=n)]
    conn = duckdb.connect()
    conn.execute("CREATE TABLE t (x VARCHAR)")
    conn.executemany("INSERT INTO t VALUES (?)", [[x] for x in texts])
    staged = transpile("SELECT t.x, ssda_staged_text(t.x) AS s, ssda_is_blank(t.x) AS b FROM t", "duckdb")
    assert "LIKE" in staged  # the guarded form is the one tested
    got = conn.execute(f"SELECT x, s, b FROM ({staged}) ORDER BY x NULLS FIRST").fetchall()
    want = conn.execute("SELECT x, NULLIF(TRIM(x, ' '), ''), NULLIF(TRIM(x, ' '), '') IS NULL FROM t "
                        "ORDER BY x NULLS FIRST").fetchall()
    assert len(got) == len(texts) == 342 and got == want
