"""The warehouse path on a local Spark: the bundled sample as the council's own tables (CSV files
registered by spark://local?tables=DIR), `run` read-only must give validate's errors, and a
deployment (Spark DDL: tables without constraints, multi-row inserts, views) must serve the same
rows through the errors view."""
import csv
import subprocess
import sys
from urllib.parse import urlsplit

import duckdb
import pytest

from validator903.context import CollectionYear, RuleContext
from validator903.load import load_all
from validator903.resources import sample_dir
from validator903.warehouse.connect import Connection
from validator903.warehouse.mapping import load_mapping
from validator903.warehouse.run import run_remote
from validator903.warehouse.spark import LocalSpark, connect as spark_connect

SAMPLE = sample_dir()
CTX = RuleContext(CollectionYear.parse("2025/26"), "999")


@pytest.fixture(scope="module")
def council(spark, tmp_path_factory):
    """The sample's raw text tables (with the file row numbers) as CSV files in council/, read
    through spark://local?tables=…, and a mapping over them."""
    folder = tmp_path_factory.mktemp("spark_src")
    (folder / "council").mkdir()
    local = duckdb.connect()
    loaded = load_all(local, [SAMPLE / "current"], [SAMPLE / "previous"])
    for name in loaded.tables:
        local.execute(f"COPY raw.{name} TO '{folder / 'council' / (name + '.csv')}' (HEADER, DELIMITER ',')")
    mapping = folder / "mapping.yml"
    mapping.write_text("schema: council\nrow_no: row_no\n")
    parts = urlsplit(f"spark://local?tables={folder}")
    dbapi = spark_connect(parts, {"tables": str(folder)})
    assert isinstance(dbapi, LocalSpark)
    return Connection("databricks", dbapi, "spark://local"), load_mapping(mapping, "databricks")


@pytest.fixture(scope="module")
def validate_errors(tmp_path_factory):
    out = tmp_path_factory.mktemp("validate")
    p = subprocess.run([sys.executable, "-m", "validator903", "validate", SAMPLE / "current", "--previous",
                        SAMPLE / "previous", "--year", "2025/26", "--la", "999", "--output", out, "-q"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return {(r["code"], r["table"], int(r["row"]), r["child"] or None)
            for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8"))}


def _errors(run):
    return set(run.conn.execute("SELECT code, table_name, row_no, child FROM errors").fetchall())


def test_read_only_run_on_spark_matches_validate(council, validate_errors):
    """The whole catalogue, thirty rules per Spark statement (engine.rules_per_query)."""
    conn, mapping = council
    run = run_remote(conn, CTX, mapping, None, False, "ssda903")
    assert [r.rule.code for r in run.results if r.status.startswith("failed")] == []
    assert len([r for r in run.results if r.status == "ran"]) > 250 and _errors(run) == validate_errors


def test_deploy_on_spark_serves_the_errors_view(council, validate_errors):
    conn, mapping = council
    codes = ["101", "142", "444", "1001", "SW12STG2"]   # a sample of shapes: a code list, a window, a
    run = run_remote(conn, CTX, mapping, codes, True, "ssda903")  # self-join, CTEs over two years
    want = {e for e in validate_errors if e[0] in codes}
    assert want and _errors(run) == want
    view = conn.execute("SELECT code, table_name, row_no, child, collection_year, la_code FROM ssda903.errors").fetchall()
    assert {(c, t, int(r), ch) for c, t, r, ch, _, _ in view} == want
    assert {(y, la) for *_, y, la in view} == {("2025/26", "999")}
    assert conn.execute("SELECT COUNT(*) FROM ssda903.v903_rules").fetchone()[0] == len(codes) + 1
