"""Connect to a warehouse from an SQLAlchemy-style URL, with the driver as an optional extra.

    postgresql+psycopg://user:password@host:5432/database      (extra: postgres)
    mssql+pyodbc://user:password@host:1433/database?driver=ODBC+Driver+18+for+SQL+Server  (extra: mssql)
    oracle+oracledb://user:password@host:1521/?service_name=XEPDB1   (extra: oracle)
    duckdb:///path/to/file.duckdb
    spark://local?tables=DIR    databricks://token:<PAT>@host?http_path=…   (extras: spark, databricks)

Which engine a scheme means, and which driver module and pip extra it needs, are entries of the
engine's dialect table (``url_schemes``, ``driver``, ``extra``); here is only how each DB-API driver
takes its connection arguments, keyed by driver.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from ..dialects import engines, spec
from ..errors import UsageError, first_line


@dataclass
class Connection:
    dialect: str
    dbapi: object
    safe_url: str   # the URL without its password, for messages

    def cursor(self):
        return self.dbapi.cursor()

    def execute(self, sql: str):
        cur = self.dbapi.cursor()
        cur.execute(sql)
        return cur

    def close(self):
        self.dbapi.close()


def _safe(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def schemes() -> dict[str, str]:
    """URL scheme -> engine, from every dialect table."""
    return {s: d for d in engines() for s in spec(d).engine.url_schemes}


def dialect_of(url: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    known = schemes()
    if scheme not in known:
        listed = ", ".join(f"{spec(d).engine.url_schemes[0]}://" for d in engines())
        raise UsageError(f"--url {_safe(url)!r}: unknown scheme {scheme!r}; use one of {listed}")
    return known[scheme]


def _user(parts: SplitResult) -> str:
    return unquote(parts.username or "")


def _password(parts: SplitResult) -> str:
    return unquote(parts.password or "")


def _duckdb(driver, parts: SplitResult, query: dict):
    path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path) or ":memory:"
    return driver.connect(path)


def _psycopg(driver, parts: SplitResult, query: dict):
    return driver.connect(host=parts.hostname or query.get("host"), port=parts.port or query.get("port"),
                          user=_user(parts) or None, password=_password(parts) or None,
                          dbname=parts.path.lstrip("/") or None, connect_timeout=10, autocommit=True)


def _pyodbc(driver, parts: SplitResult, query: dict):
    server = f"{parts.hostname},{parts.port}" if parts.port else parts.hostname
    conn_str = (f"DRIVER={{{query.get('driver', 'ODBC Driver 18 for SQL Server')}}};SERVER={server};"
                f"DATABASE={parts.path.lstrip('/')};UID={_user(parts)};PWD={_password(parts)};"
                "TrustServerCertificate=yes")
    return driver.connect(conn_str, autocommit=True, timeout=10)


def _oracledb(driver, parts: SplitResult, query: dict):
    dsn = f"{parts.hostname}:{parts.port or 1521}/{query.get('service_name', parts.path.lstrip('/'))}"
    dbapi = driver.connect(user=_user(parts), password=_password(parts), dsn=dsn)
    dbapi.autocommit = True
    return dbapi


def _spark(driver, parts: SplitResult, query: dict):
    return driver.connect(parts, query)   # local session or Databricks: validator903/warehouse/spark.py


CONNECTORS = {"duckdb": _duckdb, "psycopg": _psycopg, "pyodbc": _pyodbc, "oracledb": _oracledb,
              "validator903.warehouse.spark": _spark}


def connect(url: str) -> Connection:
    dialect = dialect_of(url)
    eng = spec(dialect).engine
    parts = urlsplit(url)
    try:
        driver = importlib.import_module(eng.driver)
    except ImportError:
        hint = f"pip install 'validator903[{eng.extra}]'" if eng.extra else f"pip install {eng.driver}"
        raise UsageError(f"the {eng.driver} driver is not installed: {hint}") from None
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    try:
        dbapi = CONNECTORS[eng.driver](driver, parts, query)
    except UsageError:
        raise
    except Exception as e:
        raise UsageError(f"cannot connect to {_safe(url)}: {first_line(e)}") from None
    conn = Connection(dialect, dbapi, _safe(url))
    for setting in eng.session:  # speed only: a server version without the setting runs without it
        try:
            conn.execute(setting)
        except Exception:
            rollback_quietly(conn)
    return conn


def rollback_quietly(conn: Connection) -> None:
    """End a failed statement's transaction, where the driver has one, so the next can run."""
    try:
        conn.dbapi.rollback()
    except Exception:
        pass
