"""validator903.side_by_side: statements on parallel cursors of one DuckDB database, in an order
their dependencies allow, the first failure in job order reported, DuckDB's threads restored."""
import duckdb

from validator903.side_by_side import Job, map_side_by_side, run_side_by_side


def test_jobs_wait_for_what_they_read(tmp_path):
    conn = duckdb.connect(str(tmp_path / "db.duckdb"))
    conn.execute("SET threads = 2")
    jobs = [Job("c", "CREATE TABLE c AS SELECT x + 1 AS x FROM b", after=frozenset({"b"})),
            Job("b", "CREATE TABLE b AS SELECT x * 10 AS x FROM a", after=frozenset({"a"})),
            Job("a", "CREATE TABLE a AS SELECT range AS x FROM range(200000)"),
            Job("d", "CREATE TABLE d AS SELECT 1 AS x", after=frozenset({"not_a_job"}))]
    assert run_side_by_side(conn, jobs) is None
    assert conn.execute("SELECT count(*), max(x) FROM c").fetchone() == (200000, 1999991)
    assert conn.execute("SELECT * FROM d").fetchall() == [(1,)]
    assert conn.execute("SELECT current_setting('threads')").fetchone()[0] == 2


def test_the_first_failure_in_job_order_is_reported_and_later_jobs_wait_for_nothing():
    conn = duckdb.connect()
    jobs = [Job("ok", "CREATE TABLE ok AS SELECT 1 AS x"),
            Job("bad", "CREATE TABLE bad AS SELECT * FROM nowhere"),
            Job("after_bad", "CREATE TABLE after_bad AS SELECT * FROM bad", after=frozenset({"bad"})),
            Job("worse", "CREATE TABLE worse AS SELECT * FROM nowhere_either")]
    for _ in range(10):
        conn.execute("DROP TABLE IF EXISTS ok")
        name, e = run_side_by_side(conn, jobs)
        assert name == "bad" and "nowhere" in str(e)
        tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert "after_bad" not in tables   # it waited on a failed job, and was never started


def test_map_side_by_side_keeps_results_in_item_order():
    conn = duckdb.connect()
    items = list(range(12))
    results = [None] * len(items)
    assert map_side_by_side(conn, lambda cur, n: cur.execute(f"SELECT {n} * {n}").fetchone()[0], items,
                            results=results) is None
    assert results == [n * n for n in items]
    assert map_side_by_side(conn, lambda cur, n: 1 / 0, [], results=[]) is None   # nothing to do


def test_prepare_checkpoints_the_staged_tables_beside_the_derived_relations(tmp_path):
    """engine.prepare holds DuckDB's automatic checkpoint off while staging and runs it beside the
    derived relations: afterwards the staged tables are in the database file, its WAL is empty,
    and the connection's own checkpoint threshold is back. (Without it a return this small would
    stay in the WAL until the file is closed, and a large one be checkpointed with the other
    cores idle.)"""
    from validator903 import engine
    from validator903.context import CollectionYear, RuleContext
    from validator903.resources import sample_dir

    conn = engine.open_db(tmp_path / "validation.duckdb")
    conn.execute("SET checkpoint_threshold = '32MiB'")
    threshold = conn.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0]
    engine.prepare(conn, RuleContext(CollectionYear.parse("2025/26"), "999"),
                   [sample_dir() / "current"], [sample_dir() / "previous"])
    sizes = {r[0]: r[6] for r in conn.execute("PRAGMA database_size").fetchall()}  # name -> wal_size
    assert sizes["validation"] == "0 bytes"
    assert conn.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == threshold
    assert conn.execute("SELECT count(*) FROM main.episodes").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM child_facts").fetchone()[0] > 0
    conn.close()
