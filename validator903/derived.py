"""Derived relations: the notions many rules share, computed once between staging and the rules.

``rules_sql/derived/<name>.sql`` is a YAML metadata block (``relation``, ``reads``, ``description``,
``columns``) and one portable SELECT, a Jinja template like a rule's. It reads staging tables or
other derived relations through ``{{ rel('episodes') }}`` and the period through
``{{ period_start }}`` / ``{{ period_end }}`` (and the council as ``{{ la_code }}`` / ``{{ la_ons }}``),
so the same file gives this year's relation
(``episodes_seq`` over ``episodes``, 1 April to 31 March of the collection year) and last year's
(``episodes_seq_last`` over ``episodes_last``, the year before). Reference tables
(``postcodes``, ``la_codes``) have one form, read by both.

Derived SQL has no WITH (SQL Server allows no CTE inside a CTE, and read-only runs inline these as
CTEs): it nests subqueries instead.

Locally each relation is a table of an in-memory database attached for the run, and a view in
validation.duckdb for analysts; in a warehouse a view next to the staging views, or a CTE of a
read-only query. A rule lists the derived relations it reads in ``tables:``; it is skipped when a
table one of them needs is missing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .context import RuleContext
from .errors import UsageError
from .resources import rules_dir
from .tables import LAST_SUFFIX, all_table_names, last_of


@dataclass(frozen=True)
class DerivedRelation:
    name: str                       # e.g. "episodes_seq" or "episodes_seq_last"
    reads: tuple[str, ...]          # staging tables and derived relations, with the same suffix
    description: str
    columns: dict[str, str]
    template: str
    path: Path
    last: bool = False              # last year's variant

    def render(self, ctx: RuleContext) -> str:
        """Portable SQL reading the staging / derived relations by their canonical names."""
        from .tables import is_reference

        suffix = LAST_SUFFIX if self.last else ""
        if self.last:
            start, end = ctx.jinja_vars()["previous_start"], ctx.jinja_vars()["previous_end"]
        else:
            start, end = ctx.jinja_vars()["collection_start"], ctx.jinja_vars()["collection_end"]
        import jinja2

        from .codes import template_functions
        from .rules import _template  # the rules' Jinja environment, imported on first render

        try:
            return _template(self.template).render(
                rel=lambda name: name if is_reference(name) else name + suffix, period_start=start, period_end=end,
                la_code=ctx.jinja_vars()["la_code"], la_ons=ctx.jinja_vars()["la_ons"],
                **template_functions(ctx.year)).strip().rstrip(";")
        except jinja2.TemplateError as e:
            raise UsageError(f"derived/{self.path.name}: template error: {e}") from None

    def sql(self, ctx: RuleContext, dialect: str = "duckdb") -> str:
        """The relation's SELECT in ``dialect``, cached like a rule's by what rendering reads
        (template, year, context, code lists): compiling the templates each run cost 60 ms."""
        from .codes import render_key
        from .dialects import memoised, transpile_cached

        key = render_key(self.template, ctx) + ("\0last" if self.last else "")
        return memoised(key, dialect, False, lambda: transpile_cached(self.render(ctx), dialect))


def derived_dir() -> Path:
    return rules_dir() / "derived"


def _read(path: Path) -> tuple[DerivedRelation, DerivedRelation]:
    from .rules import read_metadata

    meta, body = read_metadata(path, f"derived/{path.name}")
    name = str(meta.get("relation", ""))
    if name != path.stem:
        raise UsageError(f"derived/{path.name}: relation {name!r} does not match the file name")
    reads = tuple(str(r) for r in meta.get("reads") or ())
    common = dict(description=" ".join(str(meta.get("description", "")).split()),
                  columns={str(k): " ".join(str(v).split()) for k, v in (meta.get("columns") or {}).items()},
                  template=body, path=path)
    return (DerivedRelation(name, reads, **common),
            DerivedRelation(name + LAST_SUFFIX, tuple(last_of(r) for r in reads), last=True, **common))


@lru_cache(maxsize=None)
def derived_relations() -> tuple[DerivedRelation, ...]:
    """Every derived relation, this year's and last year's, in dependency order."""
    found = {d.name: d for p in sorted(derived_dir().glob("*.sql")) for d in _read(p)}
    staging = set(all_table_names())
    ordered: list[DerivedRelation] = []
    placed: set[str] = set()
    pending = dict(found)
    while pending:
        ready = [d for d in pending.values() if all(r in staging or r in placed for r in d.reads)]
        if not ready:
            unknown = {r for d in pending.values() for r in d.reads} - staging - set(found)
            raise UsageError(f"derived relations {', '.join(sorted(pending))} read "
                             + (f"unknown relation(s) {', '.join(sorted(unknown))}" if unknown else "each other in a cycle"))
        for d in sorted(ready, key=lambda d: d.name):
            ordered.append(d)
            placed.add(d.name)
            del pending[d.name]
    return tuple(ordered)


def derived_names() -> list[str]:
    return [d.name for d in derived_relations()]


def by_name() -> dict[str, DerivedRelation]:
    return {d.name: d for d in derived_relations()}


def base_tables(relations) -> tuple[str, ...]:
    """The staging tables behind ``relations`` (derived ones expanded through what they read)."""
    derived = by_name()
    out: list[str] = []

    def visit(name: str) -> None:
        if name in derived:
            for r in derived[name].reads:
                visit(r)
        elif name not in out:
            out.append(name)

    for r in relations:
        visit(r)
    return tuple(out)


def needed(relations) -> list[DerivedRelation]:
    """The derived relations ``relations`` read, directly or through each other, in build order."""
    derived = by_name()
    wanted: set[str] = set()

    def visit(name: str) -> None:
        if name in derived and name not in wanted:
            wanted.add(name)
            for r in derived[name].reads:
                visit(r)

    for r in relations:
        visit(r)
    return [d for d in derived_relations() if d.name in wanted]


def buildable(tables) -> list[DerivedRelation]:
    """The derived relations whose staging tables are all among ``tables``, in build order."""
    have = set(tables)
    return [d for d in derived_relations() if set(base_tables([d.name])) <= have]


RUN_DB = "v903_run"   # an in-memory database attached for the run: the derived relations' tables


def attach_run(conn) -> None:
    """Attach the run's in-memory database (``v903_run``), unless it is there already."""
    conn.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {RUN_DB}")


def materialise_duckdb(conn, ctx: RuleContext, tables, parallel: bool = False, beside=(),
                       wanted=None) -> list[str]:
    """Create the buildable derived relations on a DuckDB connection, for the run and for after it.

    For the run each is a table of an in-memory database attached as ``v903_run``, computed once:
    writing the fifty columns of ``episodes_seq`` (and its ``_last``) into validation.duckdb cost
    about as much again as computing them. ``conn`` reads it through a TEMP view of its name (a TEMP
    object shadows the ``main`` one); ``parallel``: relations that do not read each other are built
    side by side (validator903.side_by_side), which an attached database allows and a TEMP table,
    private to its connection, would not. For after the run, ``main`` gets a view of the same SQL
    over the staged tables, so ``select * from child_facts`` still answers in validation.duckdb. A
    relation over reference data the user supplied (``--postcodes``: itself TEMP, not kept in the
    file) is a ``main`` table instead, built on ``conn``, which keeps what was derived from it.

    ``beside``: other jobs (side_by_side.Job) run with the relations, after them in order (the
    staged tables' checkpoint, rule batches waiting on the relations they read). ``wanted``: the
    relations the run's rules and fixes read (None: all); only those and what they read are
    computed into ``v903_run``, the others are views in ``main`` only (a run of --rules 101,142
    does not sequence both years' episodes for nothing). A relation over a reference file the user
    supplied is computed whatever the rules read: the file can keep it only as a table. A relation
    already there (an earlier call computed or viewed it) is left as it is, so a second call
    computes only what the first did not. Returns the relations computed by this call."""
    from .side_by_side import Job, run_one_by_one, run_side_by_side
    from .tables import spec_for

    attach_run(conn)
    computed, viewed = _already_there(conn)
    compute = None if wanted is None else {d.name for d in needed(wanted)}
    shared, local = [], []
    for d in buildable(tables):
        if d.name in computed:
            continue
        select = d.sql(ctx)
        if any(spec_for(t).option for t in base_tables([d.name])):
            # over a file the user supplied (TEMP): only a table keeps it, so built whatever the rules read
            local.append(Job(d.name, f"CREATE OR REPLACE TABLE main.{d.name} AS {select}"))
            continue
        if compute is None or d.name in compute:
            shared.append(Job(d.name, f"CREATE OR REPLACE TABLE {RUN_DB}.main.{d.name} AS {select}",
                              after=frozenset(d.reads)))
        if d.name not in viewed:
            conn.execute(f"CREATE OR REPLACE VIEW main.{d.name} AS {select}")

    if parallel:
        failed = run_side_by_side(conn, shared + list(beside), setup=reads_the_run)
    else:
        reads_the_run(conn)
        try:
            failed = run_one_by_one(conn, shared + list(beside))
        finally:
            conn.execute("RESET search_path")
    if failed:
        raise failed[1]
    for job in shared:
        conn.execute(f"CREATE OR REPLACE TEMP VIEW {job.name} AS SELECT * FROM {RUN_DB}.main.{job.name}")
    failed = run_one_by_one(conn, local)
    if failed:
        raise failed[1]
    return [j.name for j in shared + local]


def reads_the_run(cur) -> None:
    """What a derived relation or rule reads is looked up in ``v903_run`` first, then ``main``
    (every job that writes names its target in full)."""
    cur.execute(f"SET search_path = '{RUN_DB}.main,main'")


def _already_there(conn) -> tuple[set[str], set[str]]:
    """The derived relations an earlier call left: computed (a table of ``v903_run``, or one of
    ``main`` over a file the user supplied) and viewed (a view in ``main``)."""
    names = set(derived_names())
    tables = {t for db, t in conn.execute(
        f"SELECT database_name, table_name FROM duckdb_tables() WHERE schema_name = 'main' "
        f"AND database_name IN ('{RUN_DB}', current_database())").fetchall() if t in names}
    views = {v for (v,) in conn.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND database_name = current_database()"
    ).fetchall() if v in names}
    return tables, views
