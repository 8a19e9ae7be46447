"""Spark SQL as a warehouse: a local SparkSession (``spark://local``) or a Databricks SQL
warehouse (``databricks://``), both behind the small DB-API surface the rest of ``run --url`` uses
(``cursor().execute``, ``fetchall``/``fetchone``/``fetchmany``, ``description``).

    spark://local?tables=DIR[&warehouse=DIR2][&ansi=false]    (extra: spark — pyspark)
    databricks://token:<PAT>@<workspace host>?http_path=/sql/1.0/warehouses/<id>[&catalog=main]
                                                               (extra: databricks — databricks-sql-connector)

A local session starts with an empty catalogue, so ``tables=DIR`` names the data it reads: every
``DIR/<schema>/<table>.csv`` (header line, read as text), ``<table>.parquet`` or ``<table>/`` (a
folder of Parquet parts) is registered as the external table ``<schema>.<table>``; the mapping
names them as for any warehouse. Those files are only read. What ``--deploy`` creates goes to
``warehouse=DIR2`` (default: a temporary folder, removed at exit). One SparkSession serves the
whole process (pyspark's own rule); local[2], few shuffle partitions and no UI, as fits one machine.
"""
from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import SplitResult, unquote

from ..errors import UsageError, first_line

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")


class Cursor:
    """DB-API-shaped results of one Spark SQL statement (rows collected on first fetch)."""

    def __init__(self, run_sql):
        self._run_sql = run_sql
        self._rows: list[tuple] | None = None
        self._at = 0
        self.description = None
        self.rowcount = -1

    def execute(self, sql: str, params=None):
        if params:
            raise UsageError("Spark statements take no parameters here")
        rows, names = self._run_sql(sql)
        self._rows, self._at = rows, 0
        self.description = [(n, None, None, None, None, None, None) for n in names] if names else None
        return self

    def fetchall(self):
        rows = self._rows[self._at:] if self._rows else []
        self._at = len(self._rows or [])
        return rows

    def fetchone(self):
        rows = self.fetchmany(1)
        return rows[0] if rows else None

    def fetchmany(self, size: int = 1000):
        rows = (self._rows or [])[self._at:self._at + size]
        self._at += len(rows)
        return rows

    def close(self):
        self._rows = None


class LocalSpark:
    """A DB-API-like connection over a SparkSession (autocommit by nature: no transactions)."""

    autocommit = True

    def __init__(self, session, owns: bool = False):
        self.session = session
        self._owns = owns

    def _run(self, sql: str):
        df = self.session.sql(sql)
        names = list(df.columns)
        # DDL and INSERT run when issued (spark.sql is eager for commands); a query runs here
        rows = [tuple(r) for r in df.collect()] if names else []
        return rows, names

    def cursor(self) -> Cursor:
        return Cursor(self._run)

    def commit(self):
        pass

    def rollback(self):
        pass

    def close(self):
        pass  # the session outlives a connection: it is the process's one SparkSession


_SESSION = None

# For many tiny queries (the rule cases, a small return): one shuffle partition, no adaptive
# re-planning, no broadcast joins (thirty rules in one statement broadcast at once), and interpreted expressions rather than compiling Java for every query, which on
# a few hundred rows costs more than running it.
SMALL_DATA = {"spark.sql.shuffle.partitions": "1", "spark.sql.adaptive.enabled": "false",
              "spark.sql.autoBroadcastJoinThreshold": "-1", "spark.driver.memory": "2g",
              "spark.sql.codegen.wholeStage": "false", "spark.sql.codegen.factoryMode": "NO_CODEGEN"}


def local_session(warehouse: str | None = None, ansi: bool = True, cores: int = 2, conf: dict | None = None):
    """The process's SparkSession, created once: local[cores], 4 shuffle partitions (the default
    200 is for clusters: on one machine it makes every GROUP BY 200 tiny tasks), no UI, quiet."""
    global _SESSION
    if _SESSION is not None:
        return _SESSION
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("pyspark is not installed: pip install 'validator903[spark]' (and Java 17 or later)") from None
    if warehouse is None:
        warehouse = tempfile.mkdtemp(prefix="v903_spark_")
        atexit.register(shutil.rmtree, warehouse, True)
    builder = (SparkSession.builder.master(f"local[{cores}]").appName("validator903")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "4")
               .config("spark.sql.warehouse.dir", str(Path(warehouse).resolve()))
               .config("spark.sql.ansi.enabled", "true" if ansi else "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={warehouse}"))
    for k, v in (conf or {}).items():
        builder = builder.config(k, v)
    try:
        _SESSION = builder.getOrCreate()
    except Exception as e:  # no Java, or one too old: one line, not a Py4J traceback
        raise UsageError(f"cannot start a local Spark session (Java 17 or later is needed): {first_line(e)}") from None
    _SESSION.sparkContext.setLogLevel("ERROR")
    return _SESSION


def register_tables(session, folder: Path) -> list[str]:
    """Every ``folder/<schema>/<table>.csv|.parquet`` (or ``<table>/`` of Parquet parts) as the
    external table ``<schema>.<table>`` (read in place; CSV columns as text)."""
    if not folder.is_dir():
        raise UsageError(f"spark://local?tables={folder}: not a folder")
    done = []
    for schema_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if not _NAME.match(schema_dir.name):
            continue
        session.sql(f"CREATE SCHEMA IF NOT EXISTS `{schema_dir.name}`")
        for f in sorted(schema_dir.iterdir()):
            name, kind = f.stem, f.suffix.lower().lstrip(".")
            if f.is_dir():
                name, kind = f.name, "parquet"
            if kind not in ("csv", "parquet") or not _NAME.match(name):
                continue
            path = str(f.resolve()).replace("\\", "\\\\").replace("'", "\\'")
            options = "header 'true', inferSchema 'false', multiLine 'true', " if kind == "csv" else ""
            qualified = f"`{schema_dir.name}`.`{name}`"
            session.sql(f"DROP TABLE IF EXISTS {qualified}")
            session.sql(f"CREATE TABLE {qualified} USING {kind} OPTIONS ({options}path '{path}')")
            done.append(f"{schema_dir.name}.{name}")
    if not done:
        raise UsageError(f"spark://local?tables={folder}: no <schema>/<table>.csv or .parquet files in it")
    return done


def connect(parts: SplitResult, query: dict):
    if parts.scheme.lower() != "spark":  # the engine's other scheme: a Databricks SQL warehouse
        return _databricks(parts, query)
    if (parts.hostname or "").lower() != "local":
        raise UsageError("spark:// runs a local session only: spark://local?tables=DIR "
                         "(for a Databricks workspace use databricks://)")
    session = local_session(query.get("warehouse"), ansi=query.get("ansi", "true").lower() != "false",
                            conf=SMALL_DATA if query.get("small") == "true" else None)
    if query.get("tables"):
        register_tables(session, Path(unquote(query["tables"])))
    return LocalSpark(session)


def _databricks(parts: SplitResult, query: dict):
    try:
        from databricks import sql as dbsql
    except ImportError:
        raise UsageError("the Databricks SQL connector is not installed: pip install 'validator903[databricks]'") from None
    if not query.get("http_path"):
        raise UsageError("databricks:// needs ?http_path=/sql/1.0/warehouses/<id> (the SQL warehouse's HTTP path)")
    token = unquote(parts.password or "")
    return dbsql.connect(server_hostname=parts.hostname, http_path=query["http_path"], access_token=token,
                         catalog=query.get("catalog"), schema=query.get("schema"))
