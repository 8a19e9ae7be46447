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
