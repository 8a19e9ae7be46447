"""The public test harness: YAML cases for rules and for derived relations, run on DuckDB or on a
server through DB-API. The DfE catalogue's cases live in ``tests/rule_cases`` and
``tests/derived_cases``; a council's pack keeps its cases beside its rules and runs them with
``validator903 test-rules DIR``.

A rule case file (sqlfluff-style)::

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

A derived-relation case file names the relation, the columns to compare and the expected rows
(dates as 'yyyy-mm-dd', NULL as null), in any order::

    relation: episodes_seq
    cases:
      ties_by_row:
        tables: {episodes: [{CHILD: '1', DECOM: 01/05/2025}, {CHILD: '1', DECOM: 01/05/2025}]}
        columns: [row_no, seq]
        expect: [[1, 1], [2, 2]]

A column left out of a row is blank in the CSV. Every table the rule (or relation) needs must be
given (an empty list is an empty file); the runner loads them as raw text and stages them exactly as
a real run does, then builds the derived relations. Reference tables are tables like any other:
``postcodes`` rows name the NSPL columns (``{pcd: 'AB1 2CD', laua: E08000003, cty: E99999999,
oseast1m: '384000', osnrth1m: '398000'}``, in any case); the bundled ``la_codes`` is always there
(a case may give its own rows instead). A derived case may give ``la:`` as a rule case does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import yaml

from .context import CollectionYear, RuleContext, check_la_code
from .derived import buildable, by_name, materialise_duckdb
from .engine import insert_rows
from .errors import UsageError, first_line
from .load import LoadedTable, LoadResult
from .rules import Rule, find_rule
from .stage import stage_duckdb
from .tables import DERIVED, spec_for


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
        return RuleContext(self.year, check_la_code(self.la))  # either form, as --la


@dataclass
class DerivedCase:
    file: Path
    relation: str
    name: str
    year: CollectionYear
    tables: dict[str, list[dict]]
    columns: list[str]
    expect: list[tuple] = field(default_factory=list)
    la: str | None = None

    @property
    def id(self) -> str:
        return f"{self.relation}:{self.name}"

    def context(self) -> RuleContext:
        return RuleContext(self.year, check_la_code(self.la))  # either form, as --la


def _yaml(path: Path) -> dict:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise UsageError(f"{path}: not YAML: {' '.join(str(e).split())}") from None
    if not isinstance(doc, dict):
        raise UsageError(f"{path}: a case file is a mapping with rule: and cases:")
    return doc


def _tables(path: Path, name: str, c: dict) -> dict[str, list[dict]]:
    tables = {str(t): list(rows or []) for t, rows in (c.get("tables") or {}).items()}
    for t in tables:
        try:
            spec = spec_for(t)
        except KeyError:
            raise UsageError(f"{path}: case {name}: unknown table {t!r}") from None
        if spec.is_reference:  # a reference file's columns, as its header spells them (pcd, laua, ...)
            tables[t] = [{str(k).upper(): v for k, v in (r or {}).items()} for r in tables[t]]
    return tables


def with_bundled(tables: dict[str, list[dict]], needs) -> dict[str, list[dict]]:
    """The case's tables plus the bundled ones a real run always stages, where the rule or relation
    ``needs`` them (staging 161 LA rows for each of thousands of cases would cost minutes)."""
    from .reference import LA_CODES, la_code_rows

    if LA_CODES in tables or LA_CODES not in needs:
        return tables
    return {**tables, LA_CODES: [dict(r) for r in la_code_rows()]}


def _needs(case) -> tuple[str, ...]:
    from .derived import base_tables

    return case.rule().requires() if isinstance(case, Case) else base_tables([case.relation])


def load_cases(folder: Path, recursive: bool = False) -> list[Case]:
    """Every rule case in the ``*.yml`` files of ``folder`` that name a ``rule:``."""
    cases = []
    for path in sorted(folder.rglob("*.yml") if recursive else folder.glob("*.yml")):
        doc = _yaml(path)
        if "rule" not in doc:
            continue  # a derived-relation case file, or some other YAML beside the rules
        code = str(doc["rule"])
        for name, c in (doc.get("cases") or {}).items():
            year = c.get("year")
            if year is None:
                year = find_rule(code).years[-1]
            cases.append(Case(
                file=path, code=code, name=str(name), year=CollectionYear.parse(str(year)),
                la=str(c["la"]) if c.get("la") is not None else None, tables=_tables(path, name, c),
                expect={(str(t), int(r)) for t, r in (c.get("expect") or [])},
            ))
    return cases


def load_derived_cases(folder: Path) -> list[DerivedCase]:
    cases = []
    for path in sorted(folder.glob("*.yml")):
        doc = _yaml(path)
        relation = str(doc.get("relation", ""))
        if relation not in by_name():
            raise UsageError(f"{path}: no derived relation {relation!r}")
        for name, c in (doc.get("cases") or {}).items():
            cases.append(DerivedCase(
                file=path, relation=relation, name=str(name),
                year=CollectionYear.parse(str(c.get("year") or "2025/26")), tables=_tables(path, name, c),
                columns=[str(x) for x in c["columns"]], expect=[tuple(r) for r in c.get("expect") or []],
                la=str(c["la"]) if c.get("la") is not None else None))
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
            raise UsageError(f"case table {table}: unknown column(s) {', '.join(sorted(unknown))}")
        conn.execute(f"CREATE TABLE raw.{table} (row_no BIGINT, "
                     + ", ".join(f"{c} VARCHAR" for c in all_cols) + ")")
        insert_rows(conn, f"raw.{table}", [[i] + [None if r.get(c) is None else str(r[c]) for c in all_cols]
                                           for i, r in enumerate(rows, start=1)])
        result.tables[table] = LoadedTable(table, Path(f"<case:{table}>"), len(rows))
    stage_duckdb(conn, sorted(result.tables))
    return result


def _duckdb_with(tables: dict[str, list[dict]], ctx: RuleContext, needs=()):
    conn = duckdb.connect()
    tables = with_bundled(tables, needs)
    load_raw_duckdb(conn, tables)
    materialise_duckdb(conn, ctx, tables)
    return conn


def run_case_duckdb(case: Case) -> set[tuple[str, int, str | None]]:
    conn = _duckdb_with(case.tables, case.context(), _needs(case))
    try:
        sql = case.rule().sql(case.context(), "duckdb")
        return {(t, int(r), c) for t, r, c in conn.execute(
            f"SELECT DISTINCT q.table_name, q.row_no, q.child FROM ({sql}) AS q").fetchall()}
    finally:
        conn.close()


def _plain(value):
    """A fetched value as the case files write it: dates as 'yyyy-mm-dd', numbers as int."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):  # a server's NUMERIC
        value = float(value)
    if hasattr(value, "is_integer") and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else float(value)
    return value


def _sorted_rows(rows) -> list[tuple]:
    return sorted((tuple(_plain(v) for v in r) for r in rows), key=lambda r: tuple((v is None, str(v)) for v in r))


def run_derived_duckdb(case: DerivedCase) -> list[tuple]:
    conn = _duckdb_with(case.tables, case.context(), _needs(case))
    try:
        cols = ", ".join(f"d.{c}" for c in case.columns)
        return _sorted_rows(conn.execute(f"SELECT {cols} FROM {case.relation} AS d").fetchall())
    finally:
        conn.close()


def expected_rows(case: DerivedCase) -> list[tuple]:
    return _sorted_rows(case.expect)


def child_of(case: Case, table: str, row: int) -> str | None:
    value = case.tables[table][row - 1].get("CHILD")
    value = None if value is None else str(value).strip()
    return value or None


def _stage_dbapi(cur, tables: dict[str, list[dict]], ctx: RuleContext, dialect: str, schema: str, needs=()) -> None:
    """Raw text tables in ``<schema>_raw``, staged by the warehouse path (a mapping over them,
    Header.UASC derived there as in a deployment) into views in ``schema``, then the derived
    relations as views over those, as a deployment creates them."""
    from .dialects import transpile
    from .tables import all_table_names
    from .warehouse.mapping import ColumnSource, default_mapping
    from .warehouse.source import staged_sql

    raw = f"{schema}_raw"
    tables = with_bundled(tables, needs)
    mapping = default_mapping(raw, omit=set(all_table_names()) - set(tables), references=True)
    for s in (schema, raw):
        cur.execute(f"DROP SCHEMA IF EXISTS {s} CASCADE")
        cur.execute(f"CREATE SCHEMA {s}")
    cur.execute(f"SET search_path TO {schema}")
    for table, rows in tables.items():
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
    for table in tables:
        cur.execute(f"CREATE VIEW {table} AS {staged_sql(mapping, table, dialect)}")
    for d in buildable(tables):
        cur.execute(f"CREATE VIEW {d.name} AS {transpile(d.render(ctx), dialect)}")


def _drop_dbapi(cur, schema: str) -> None:
    cur.execute(f"DROP SCHEMA {schema} CASCADE")  # the throwaway schemas this harness made itself
    cur.execute(f"DROP SCHEMA {schema}_raw CASCADE")
    cur.execute("SET search_path TO public")


def run_case_dbapi(case: Case, conn, dialect: str, schema: str) -> set[tuple[str, int, str | None]]:
    """The same case on a server through DB-API (PostgreSQL in the tests)."""
    cur = conn.cursor()
    try:
        _stage_dbapi(cur, case.tables, case.context(), dialect, schema, _needs(case))
        sql = case.rule().sql(case.context(), dialect)
        cur.execute(f"SELECT DISTINCT q.table_name, q.row_no, q.child FROM ({sql}) AS q")
        return {(t, int(r), c) for t, r, c in cur.fetchall()}
    finally:
        _drop_dbapi(cur, schema)


def run_derived_dbapi(case: DerivedCase, conn, dialect: str, schema: str) -> list[tuple]:
    cur = conn.cursor()
    try:
        _stage_dbapi(cur, case.tables, case.context(), dialect, schema, _needs(case))
        cur.execute(f"SELECT {', '.join('d.' + c for c in case.columns)} FROM {case.relation} AS d")
        return _sorted_rows(cur.fetchall())
    finally:
        _drop_dbapi(cur, schema)


@dataclass
class CaseResult:
    case: Case
    got: set[tuple[str, int]] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.got == self.case.expect


def check_cases(cases: list[Case]) -> list[CaseResult]:
    """Run each case on DuckDB; a case whose rule fails to run is a failed case, not a crash."""
    results = []
    for case in cases:
        try:
            got = {(t, r) for t, r, _ in run_case_duckdb(case)}
            results.append(CaseResult(case, got))
        except Exception as e:  # a broken rule or case is reported with the others
            results.append(CaseResult(case, error=first_line(e)))
    return results


# ---- many cases at once: pooled, one council per case -------------------------------------------
# The pooled path (validator903.pooled) runs each rule within each council of one table; the same
# path runs a whole batch of cases in one query per rule, each case a "council" of its own. On an
# engine where every statement costs (Spark: a job each) that is what makes every case affordable,
# and on DuckDB, beside each case run alone, it is the proof that pooling changes no result.

@dataclass
class PooledTarget:
    """How to talk to the engine: run a statement (rows back), create a relation from Python
    rows (all text but row_no), and the statement that makes {name} a view of {select}."""
    dialect: str
    execute: object            # sql -> list of tuples
    load: object               # (name, columns, rows) -> None; columns after case_id, row_no
    create_view: str = "CREATE OR REPLACE VIEW {name} AS {select}"
    drop: tuple[str, ...] = ("DROP VIEW IF EXISTS {name}",)


def duckdb_target(conn) -> PooledTarget:
    def load(name, columns, rows):
        conn.execute(f"CREATE OR REPLACE TABLE {name} (case_id VARCHAR, row_no BIGINT, "
                     + ", ".join(f"{c} VARCHAR" for c in columns) + ")")
        insert_rows(conn, name, rows)
    return PooledTarget("duckdb", lambda sql: conn.execute(sql).fetchall(), load,
                        "CREATE OR REPLACE TABLE {name} AS {select}", ("DROP TABLE IF EXISTS {name}",))


def spark_target(session) -> PooledTarget:
    """Temporary views over Python rows, staging and derived relations cached once per batch."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    def load(name, columns, rows):
        schema = StructType([StructField("case_id", StringType()), StructField("row_no", LongType())]
                            + [StructField(c, StringType()) for c in columns])
        session.createDataFrame(rows, schema).createOrReplaceTempView(name)
    return PooledTarget("databricks", lambda sql: [tuple(r) for r in session.sql(sql).collect()], load,
                        "CACHE TABLE {name} AS {select}", ("UNCACHE TABLE IF EXISTS {name}", "DROP VIEW IF EXISTS {name}"))


def _pooled_rows(tables: list[dict[str, list[dict]]], table: str) -> tuple[list[str], list[tuple]]:
    """``table``'s rows of every case (``tables``: each case's tables), keyed by the case's
    position; a header's UASC as a run derives it (given in the rows, else 1 when the child has a
    uasc row, else NULL without one)."""
    spec = spec_for(table)
    cols = list(spec.columns) + list(DERIVED.get(spec.name, ()))
    rows = []
    for i, case_tables in enumerate(tables):
        given = case_tables.get(table)
        if given is None:
            continue
        uasc_rows = case_tables.get("uasc" + table[len(spec.name):]) if spec.name == "header" else None
        uasc_children = {str(r["CHILD"]).strip(" ") for r in uasc_rows or [] if r.get("CHILD") is not None}
        for n, r in enumerate(given, start=1):
            values = [None if r.get(c) is None else str(r[c]) for c in spec.columns]
            for c in DERIVED.get(spec.name, ()):
                if any(c in x for x in given):
                    values.append(None if r.get(c) is None else str(r[c]))
                elif uasc_rows is not None:
                    child = "" if r.get("CHILD") is None else str(r["CHILD"]).strip(" ")
                    values.append("1" if child in uasc_children else "0")
                else:
                    values.append(None)
            rows.append((str(i), n, *values))
    return cols, rows


def _case_tables(cases: list) -> tuple[list[dict[str, list[dict]]], set[str]]:
    """Each case's tables for a pooled run, and the reference tables that carry the case.

    A case's postcodes and providers are its own (cases reuse URNs and postcodes with other
    values), so they carry the case as a council's 903 tables do. The bundled la_codes is every
    case's, one copy not partitioned, as in a pooled warehouse run -- unless some case gives its
    own rows, and then each case has its own copy."""
    from .reference import LA_CODES
    from .tables import is_reference

    own = {t for c in cases for t in c.tables if is_reference(t)}
    tables = [with_bundled(c.tables, _needs(c)) if LA_CODES in own else c.tables for c in cases]
    if LA_CODES not in own and any(LA_CODES in _needs(c) for c in cases):
        tables.append(with_bundled({}, {LA_CODES}))  # one more "case", which no query asks for
    return tables, own


def _load_councils(target: PooledTarget, cases: list) -> None:
    """v903_councils: each case's LA codes (its ``la:``) under the case's position, what a pooled
    rule reads as its council's la_code / la_ons (validator903.pooled)."""
    from .pooled import COUNCILS, PART

    rows = [(str(i), 1, c.context().la_code, c.context().la_ons) for i, c in enumerate(cases)]
    target.load(f"v903raw_{COUNCILS}", ["la_code", "la_ons"], rows)
    for drop in target.drop:
        target.execute(drop.format(name=COUNCILS))
    target.execute(target.create_view.format(
        name=COUNCILS, select=f"SELECT c.case_id AS {PART}, c.la_code, c.la_ons FROM v903raw_{COUNCILS} AS c"))


def run_cases_pooled(cases: list, target: PooledTarget, per_query: int = 1) -> list[set[tuple[str, int, str | None]]]:
    """Every case's flagged (table, row, child), the cases run together: each case one council of
    pooled tables (its ``la:`` that council's LA), each rule once per year for all its cases,
    ``per_query`` of those as the branches of one UNION ALL."""
    from .dialects import generate, parse
    from .pooled import PART
    from .warehouse.mapping import ColumnSource, Mapping, TableSource
    from .warehouse.source import staged_sql

    tables, own_references = _case_tables(cases)
    names = sorted({t for case_tables in tables for t in case_tables})
    mapping = Mapping({}, set(), la_column="case_id", council_references=frozenset(own_references))
    for t in names:
        cols, rows = _pooled_rows(tables, t)
        target.load(f"v903raw_{t}", cols, rows)
        ts = TableSource(t, (f"v903raw_{t}",), row_no="row_no", quoted=False)
        for c in DERIVED.get(spec_for(t).name, ()):
            ts.columns[c] = ColumnSource(column=c)
        mapping.tables[t] = ts
    for t in names:
        for drop in target.drop:
            target.execute(drop.format(name=t))
        target.execute(target.create_view.format(name=t, select=staged_sql(mapping, t, target.dialect)))
    _load_councils(target, cases)
    got: list[set] = [set() for _ in cases]
    by_year: dict = {}
    for i, c in enumerate(cases):
        by_year.setdefault(c.year, {}).setdefault(c.code, []).append(i)
    for year, groups in sorted(by_year.items()):
        ctx = RuleContext(year, pooled=True)
        pooled_sql = lambda sql: generate(mapping.within_councils(parse(sql)[0]), target.dialect)
        for d in buildable(names):
            for drop in target.drop:
                target.execute(drop.format(name=d.name))
            target.execute(target.create_view.format(name=d.name, select=pooled_sql(d.render(ctx))))
        queries = []
        for code, members in groups.items():
            sql = pooled_sql(cases[members[0]].rule().render(ctx))
            wanted = ", ".join(f"'{i}'" for i in members)
            queries.append(f"SELECT DISTINCT q.table_name, q.row_no, q.child, q.{PART} FROM ({sql}) AS q "
                           f"WHERE q.{PART} IN ({wanted})")
        for at in range(0, len(queries), per_query):  # several rules per statement: one job, not many
            for t, r, child, part in target.execute("\nUNION ALL\n".join(queries[at:at + per_query])):
                got[int(part)].add((t, int(r), child))
    return got
