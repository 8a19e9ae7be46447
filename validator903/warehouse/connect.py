"""Connect to a warehouse from an SQLAlchemy-style URL, with the driver as an optional extra.

    postgresql+psycopg://user:password@host:5432/database      (extra: postgres)
    mssql+pyodbc://user:password@host:1433/database?driver=ODBC+Driver+18+for+SQL+Server  (extra: mssql)
    oracle+oracledb://user:password@host:1521/?service_name=XEPDB1   (extra: oracle)
    duckdb:///path/to/file.duckdb
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import UsageError

SCHEMES = {
    "postgresql": ("postgres", "psycopg", "postgres"), "postgresql+psycopg": ("postgres", "psycopg", "postgres"),
    "postgres": ("postgres", "psycopg", "postgres"),
    "mssql+pyodbc": ("tsql", "pyodbc", "mssql"), "mssql": ("tsql", "pyodbc", "mssql"),
    "oracle+oracledb": ("oracle", "oracledb", "oracle"), "oracle": ("oracle", "oracledb", "oracle"),
    "duckdb": ("duckdb", "duckdb", None),
}


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


def dialect_of(url: str) -> str:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise UsageError(f"--url {_safe(url)!r}: unknown scheme {scheme!r}; use one of "
                         "postgresql+psycopg://, mssql+pyodbc://, oracle+oracledb://, duckdb:///")
    return SCHEMES[scheme][0]


def connect(url: str) -> Connection:
    dialect = dialect_of(url)
    parts = urlsplit(url)
    _, module, extra = SCHEMES[parts.scheme.lower()]
    try:
        driver = importlib.import_module(module)
    except ImportError:
        raise UsageError(f"the {module} driver is not installed: pip install 'validator903[{extra}]'") from None
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    try:
        if dialect == "duckdb":
            path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path) or ":memory:"
            dbapi = driver.connect(path)
        elif dialect == "postgres":
            dbapi = driver.connect(host=parts.hostname or query.get("host"), port=parts.port or query.get("port"),
                                   user=unquote(parts.username or "") or None,
                                   password=unquote(parts.password or "") or None,
                                   dbname=parts.path.lstrip("/") or None, connect_timeout=10, autocommit=True)
        elif dialect == "tsql":
            server = f"{parts.hostname},{parts.port}" if parts.port else parts.hostname
            conn_str = (f"DRIVER={{{query.get('driver', 'ODBC Driver 18 for SQL Server')}}};SERVER={server};"
                        f"DATABASE={parts.path.lstrip('/')};UID={unquote(parts.username or '')};"
                        f"PWD={unquote(parts.password or '')};TrustServerCertificate=yes")
            dbapi = driver.connect(conn_str, autocommit=True, timeout=10)
        else:
            dsn = f"{parts.hostname}:{parts.port or 1521}/{query.get('service_name', parts.path.lstrip('/'))}"
            dbapi = driver.connect(user=unquote(parts.username or ""), password=unquote(parts.password or ""), dsn=dsn)
            dbapi.autocommit = True
    except Exception as e:
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise UsageError(f"cannot connect to {_safe(url)}: {first}") from None
    return Connection(dialect, dbapi, _safe(url))
