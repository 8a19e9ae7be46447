import os

import pytest

from postgres_server import PostgresUnavailable, TempCluster


@pytest.fixture(scope="session")
def pg_dsn():
    """DSN of a real PostgreSQL. In CI (CI=true) a missing server fails the run instead of
    skipping: the Postgres tests are part of what CI proves."""
    dsn = os.environ.get("VALIDATOR903_PG_DSN")
    if dsn:
        yield dsn
        return
    cluster = TempCluster()
    try:
        dsn = cluster.start()
    except PostgresUnavailable as e:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {e}")
        pytest.skip(f"no PostgreSQL here: {e}")
    yield dsn
    cluster.stop()


@pytest.fixture()
def pg(pg_dsn):
    import psycopg

    conn = psycopg.connect(pg_dsn, autocommit=True)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def spark():
    """One local SparkSession for the whole test session (a JVM start costs 20-30 s), tuned for
    tiny data. Without pyspark or Java the Spark tests skip, except in CI (CI=true), where they
    are part of what CI proves."""
    import shutil

    from validator903.errors import UsageError

    missing = None
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing = "pyspark is not installed"
    if missing is None and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing = "no Java"
    if missing is None:
        from validator903.warehouse.spark import SMALL_DATA, local_session
        try:
            session = local_session(conf=SMALL_DATA)
        except UsageError as e:
            missing = str(e)
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"local Spark is required in CI: {missing}")
        pytest.skip(f"no local Spark here: {missing}")
    yield session


@pytest.fixture(scope="session")
def sample_with_a_certain_fix(tmp_path_factory):
    """The bundled sample's current return with one code written in lower case (the first
    episode's LS): synth's injected errors are all for a person to correct, so the fix tests
    add the mechanical kind a council's data has too."""
    import csv
    import shutil

    from validator903.resources import sample_dir

    folder = tmp_path_factory.mktemp("sample_fix") / "current"
    shutil.copytree(sample_dir() / "current", folder)
    path = folder / "episodes.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    ls = rows[0].index("LS")
    assert rows[1][ls] and rows[1][ls] != rows[1][ls].lower()
    rows[1][ls] = rows[1][ls].lower()
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return folder
