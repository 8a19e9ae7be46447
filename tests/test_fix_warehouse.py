"""The deployed fixes view holds the corrections `validator903 fix` proposes for the same return,
on DuckDB and on a real PostgreSQL, read-only over the council's tables."""
import csv
import subprocess
import sys

import duckdb
import pytest

from validator903.load import load_all
from validator903.resources import sample_dir

SAMPLE = sample_dir()


def cli(*args):
    p = subprocess.run([sys.executable, "-m", "validator903", *map(str, args)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p


@pytest.fixture(scope="module")
def proposed(tmp_path_factory, sample_with_a_certain_fix):
    out = tmp_path_factory.mktemp("fix") / "out"
    cli("fix", sample_with_a_certain_fix, "--previous", SAMPLE / "previous", "--year", "2025/26", "--la", "999",
        "--output", out, "--dry-run")
    with open(out / "changes.csv", newline="", encoding="utf-8") as f:
        return sorted((r["rule"], r["table"], int(r["row"]), r["child"], r["field"], r["new"], r["confidence"])
                      for r in csv.DictReader(f))


def _sample_tables(conn, current):
    load_all(conn, [current], [SAMPLE / "previous"])
    return [(n, [r[0] for r in conn.execute(f"DESCRIBE raw.{n}").fetchall()])
            for (n,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'raw'").fetchall()]


def test_fixes_view_on_duckdb(tmp_path, proposed, sample_with_a_certain_fix):
    db = tmp_path / "council.duckdb"
    conn = duckdb.connect(str(db))
    for name, _cols in _sample_tables(conn, sample_with_a_certain_fix):
        conn.execute(f"CREATE TABLE main.{name} AS SELECT * FROM raw.{name}")
    conn.close()
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("schema: main\nrow_no: row_no\n")  # the file's row numbers, as fix reports them
    cli("run", "--url", f"duckdb:///{db}", "--year", "2025/26", "--la", "999", "--mapping", mapping,
        "--deploy", "-q")
    conn = duckdb.connect(str(db))
    rows = conn.execute("SELECT code, table_name, row_no, child, field, new, confidence, old, natural_key "
                        "FROM ssda903.fixes").fetchall()
    assert sorted(r[:7] for r in rows) == proposed and proposed
    ls = [r for r in rows if r[4] == "LS"]
    assert ls and ls[0][7] == "v2" and ls[0][8].startswith("DECOM ")


def test_fixes_view_on_postgres(pg_dsn, proposed, tmp_path, sample_with_a_certain_fix):
    import psycopg

    local = duckdb.connect()
    tables = _sample_tables(local, sample_with_a_certain_fix)
    with psycopg.connect(pg_dsn, autocommit=True) as pg:
        pg.execute("DROP SCHEMA IF EXISTS fixsrc CASCADE")
        pg.execute("DROP SCHEMA IF EXISTS v903fix CASCADE")
        pg.execute("CREATE SCHEMA fixsrc")
        for name, cols in tables:
            pg.execute(f"CREATE TABLE fixsrc.{name} (row_no BIGINT, "
                       + ", ".join(f"{c} TEXT" for c in cols if c != "row_no") + ")")
            with pg.cursor().copy(f"COPY fixsrc.{name} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in local.execute(f"SELECT {', '.join(cols)} FROM raw.{name}").fetchall():
                    copy.write_row(row)
    kv = dict(part.split("=", 1) for part in pg_dsn.split())
    url = f"postgresql+psycopg://{kv['user']}@/{kv['dbname']}?host={kv['host']}&port={kv['port']}"
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("schema: fixsrc\nrow_no: row_no\n")
    cli("run", "--url", url, "--year", "2025/26", "--la", "999", "--mapping", mapping, "--schema", "v903fix",
        "--deploy", "-q")
    with psycopg.connect(pg_dsn, autocommit=True) as pg:
        rows = pg.execute("SELECT code, table_name, row_no, child, field, new, confidence FROM v903fix.fixes").fetchall()
        assert sorted(rows) == proposed
        pg.execute("DROP SCHEMA v903fix CASCADE")
        pg.execute("DROP SCHEMA fixsrc CASCADE")
