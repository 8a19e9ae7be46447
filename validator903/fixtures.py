"""YAML rule cases (sqlfluff-style): tables of text rows as in the CSV, a context, and the exact
set of flagged rows. One generic test runs them all (tests/test_rule_cases.py)::

    rule: '101'
    cases:
      lower_case_code_fires:
        year: 2025/26            # optional; default: the latest year the rule has
        la: '352'                # optional
        tables:
          header:
            - {CHILD: '1', SEX: M}
            - {CHILD: '2', SEX: m}
        expect:                  # [table, row] pairs, row 1-based; [] means must not fire
          - [header, 2]

A column left out of a row is blank in the CSV. Every table a rule needs must be given (an empty
list is an empty file); the runner loads them as raw text and stages them exactly as a real run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

from .context import CollectionYear, RuleContext
from .engine import ERRORS_DDL
from .load import LoadResult, LoadedTable
from .rules import Rule, find_rule
from .stage import stage_duckdb
from .tables import DERIVED, spec_for

CASES_DIR = Path(__file__).resolve().parent.parent / "tests" / "rule_cases"


@dataclass
class Case:
    file: Path
    code: str
    name: str
    year: CollectionYear
    la: str | None
    tables: dict[str, list[dict]]
    expect: set[tuple[str, int]]

    @property
    def id(self) -> str:
        return f"{self.code}:{self.name}"

    def rule(self) -> Rule:
        return find_rule(self.code, self.year)

    def context(self) -> RuleContext:
        return RuleContext(self.year, self.la)


def load_cases(folder: Path = CASES_DIR) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = str(doc["rule"])
        for name, c in (doc.get("cases") or {}).items():
            year = c.get("year")
            if year is None:
                year = find_rule(code).years[-1]
            cases.append(Case(
                file=path, code=code, name=name, year=CollectionYear.parse(str(year)),
                la=str(c["la"]) if c.get("la") is not None else None,
                tables={t: list(rows or []) for t, rows in (c.get("tables") or {}).items()},
                expect={(str(t), int(r)) for t, r in (c.get("expect") or [])},
            ))
    return cases


def load_raw_duckdb(conn, tables: dict[str, list[dict]]) -> LoadResult:
    """Create raw.<table> exactly as the CSV loader would (all text, row_no) and stage them."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    result = LoadResult()
    for table, rows in tables.items():
        cols = spec_for(table).columns
        extra = DERIVED.get(spec_for(table).name, ())
        given = [c for c in extra if any(c in r for r in rows)]
        all_cols = list(cols) + given
        unknown = {k for r in rows for k in r} - set(all_cols)
        if unknown:
            raise ValueError(f"case table {table}: unknown column(s) {sorted(unknown)}")
        conn.execute(f"CREATE TABLE raw.{table} (row_no BIGINT, "
                     + ", ".join(f"{c} VARCHAR" for c in all_cols) + ")")
        if rows:
            conn.executemany(
                f"INSERT INTO raw.{table} VALUES ({', '.join('?' for _ in range(len(all_cols) + 1))})",
                [[i] + [None if r.get(c) is None else str(r[c]) for c in all_cols]
                 for i, r in enumerate(rows, start=1)])
        result.tables[table] = LoadedTable(table, Path(f"<case:{table}>"), len(rows))
    stage_duckdb(conn, sorted(result.tables))
    return result


def run_case_duckdb(case: Case) -> set[tuple[str, int, str | None]]:
    conn = duckdb.connect()
    try:
        load_raw_duckdb(conn, case.tables)
        conn.execute(ERRORS_DDL)
        sql = case.rule().sql(case.context(), "duckdb")
        return {(t, int(r), c) for t, r, c in conn.execute(
            f"SELECT DISTINCT q.table_name, q.row_no, q.child FROM ({sql}) AS q").fetchall()}
    finally:
        conn.close()


def child_of(case: Case, table: str, row: int) -> str | None:
    value = case.tables[table][row - 1].get("CHILD")
    value = None if value is None else str(value).strip()
    return value or None


def run_case_dbapi(case: Case, conn, dialect: str, schema: str) -> set[tuple[str, int, str | None]]:
    """The same case on a server through DB-API (PostgreSQL in the tests): raw text tables in
    ``<schema>_raw``, staged by the warehouse path (a mapping over them, Header.UASC derived there
    as in a deployment) into views in ``schema``, then the rule in ``dialect``."""
    from .tables import all_table_names
    from .warehouse.mapping import ColumnSource, default_mapping
    from .warehouse.source import staged_sql

    raw = f"{schema}_raw"
    mapping = default_mapping(raw, omit=set(all_table_names()) - set(case.tables))
    cur = conn.cursor()
    for s in (schema, raw):
        cur.execute(f"DROP SCHEMA IF EXISTS {s} CASCADE")
        cur.execute(f"CREATE SCHEMA {s}")
    cur.execute(f"SET search_path TO {schema}")
    try:
        for table, rows in case.tables.items():
            cols = list(spec_for(table).columns)
            if any("UASC" in r for r in rows):  # given, as an XML return would: not derived
                cols.append("UASC")
                mapping.tables[table].columns["UASC"] = ColumnSource(column="uasc")
            mapping.tables[table].row_no = "row_no"
            cur.execute(f"CREATE TABLE {raw}.{table} (row_no BIGINT, " + ", ".join(f"{c} TEXT" for c in cols) + ")")
            if rows:
                cur.executemany(f"INSERT INTO {raw}.{table} VALUES ({', '.join(['%s'] * (len(cols) + 1))})",
                                [[i] + [None if r.get(c) is None else str(r[c]) for c in cols]
                                 for i, r in enumerate(rows, start=1)])
        for table in case.tables:
            cur.execute(f"CREATE VIEW {table} AS {staged_sql(mapping, table, dialect)}")
        sql = case.rule().sql(case.context(), dialect)
        cur.execute(f"SELECT DISTINCT q.table_name, q.row_no, q.child FROM ({sql}) AS q")
        return {(t, int(r), c) for t, r, c in cur.fetchall()}
    finally:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")
        cur.execute(f"DROP SCHEMA {raw} CASCADE")
        cur.execute("SET search_path TO public")
