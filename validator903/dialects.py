"""Write portable rule/staging SQL for one engine.

Rules are parsed once as DuckDB SQL. For each target, sqlglot's own generator writes the SQL,
except that calls to the ``ssda_*`` helpers are expanded from the target's table in
``dialects/<name>.yml`` (the sqlglot extension model: a quirk is an entry in a table, not a
branch in a rule). Arguments are generated first, so helpers nest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import yaml

from .errors import UsageError
from .resources import dialects_dir

_ARG = re.compile(r"\$(\d)")
_SLOT = re.compile(r"\{(name|schema|select|n|ours|role|columns|index)\}")


def engines() -> tuple[str, ...]:
    """One engine per dialect table: adding ``dialects/<engine>.yml`` adds the engine."""
    order = ("duckdb", "postgres", "tsql", "oracle", "databricks")  # the historical order first, then any new table
    found = sorted(p.stem for p in dialects_dir().glob("*.yml"))
    return tuple([d for d in order if d in found] + [d for d in found if d not in order])


DIALECTS = engines()


@dataclass(frozen=True)
class Engine:
    """An engine's vocabulary beyond expressions: the ``engine:`` entry of its dialect table.
    Python reads these entries; it never asks which engine it is talking to."""
    url_schemes: tuple[str, ...]
    driver: str                     # Python DB-API module
    extra: str | None               # pip extra that installs the driver
    text_type: str                  # template with {n}
    timestamp_type: str
    now: str                        # the current timestamp, as an expression
    batch_end: str                  # what ends each statement in a script
    create_schema: str
    create_view: str
    drop_view: str | None           # None: create_view replaces in place
    drop_table: str
    transactional_ddl: bool         # DDL can run inside a transaction (run --deploy uses one)
    teardown: str | None            # drops our previous views, dependents first ({schema}, {ours})
    preflight: tuple[str, ...]      # checks run first in 01_schema (stop on an unusable server)
    session: tuple[str, ...]        # settings for speed run on each connection the tool opens (best effort)
    unicode_literal_prefix: str     # before a text literal with non-ASCII characters (N on SQL Server)
    script_begin: tuple[str, ...]   # statements opening each deployment script (a transaction)
    script_end: tuple[str, ...]
    denied_errors: tuple[str, ...]  # substrings of the driver's "no privilege" errors
    create_table_once: str          # create {name} ({columns}) unless it exists (kept across deploys)
    create_index_once: str | None   # create {index} on {name} ({columns}) unless it exists; None: no indexes
    grants: tuple[str, ...]         # what a BI {role} needs; one with {name} is repeated per object
    max_name_bytes: int | None
    stored_case: str | None         # "upper": unquoted names are stored upper-case (Oracle)
    from_dual: str                  # what a SELECT without a table needs (" FROM dual")
    probes: tuple[str, ...]         # selftest verdicts on the server's settings ('ok …' / 'FAIL …')
    scalar_functions: frozenset[str]
    functions: frozenset[str]       # scalar ones plus aggregates, windows, procedural words
    constraints: bool = True        # CREATE TABLE takes PRIMARY KEY / CHECK constraints (not Spark's)
    multi_row_insert: bool = False  # one INSERT ... VALUES (..), (..) per table (each statement is a job on Spark)
    rules_per_query: int = 1        # run --url sends this many rules as one UNION ALL statement

    def table_ddl(self, statement: str) -> str:
        """A CREATE TABLE statement as the engine takes it: without its trailing CONSTRAINT
        clauses where tables take none (the keys then hold by construction, not by the engine)."""
        if self.constraints or "CREATE TABLE" not in statement:
            return statement
        return re.sub(r",\s*CONSTRAINT\b.*\)\s*$", ")", statement, flags=re.S)

    def literal(self, value) -> str:
        """A text literal (NULL for None), N'...' where the engine needs it for non-ASCII text."""
        if value is None:
            return "NULL"
        text = str(value)
        prefix = self.unicode_literal_prefix if not text.isascii() else ""
        return prefix + "'" + text.replace("'", "''") + "'"

    def text(self, n: int) -> str:
        return fill(self.text_type, n=n)

    def schema_statement(self, schema: str) -> str:
        return fill(self.create_schema, schema=schema)

    def view_statements(self, name: str, select: str) -> list[str]:
        drop = [fill(self.drop_view, name=name)] if self.drop_view else []
        return drop + [fill(self.create_view, name=name, select=select)]

    def drop_view_statements(self, name: str) -> list[str]:
        return [fill(self.drop_view, name=name)] if self.drop_view else []

    def drop_table_statements(self, name: str) -> list[str]:
        return [fill(self.drop_table, name=name)]

    def grant_statements(self, schema: str, role: str, objects: list[str]) -> list[str]:
        out = []
        for g in self.grants:
            out += [fill(g, schema=schema, role=role, name=o) for o in objects] if "{name}" in g else \
                [fill(g, schema=schema, role=role)]
        return out

    def teardown_statements(self, schema: str, ours: list[str]) -> list[str]:
        names = ", ".join("'" + n.replace("'", "''") + "'" for n in ours)
        return [fill(self.teardown, schema=schema, ours=names)] if self.teardown else []


def fill(template: str, **slots) -> str:
    """``template`` with its {name}/{schema}/{select}/{n} slots filled (other braces are SQL)."""
    return _SLOT.sub(lambda m: str(slots[m.group(1)]) if m.group(1) in slots else m.group(0), template)


def _engine(data: dict) -> Engine:
    e = dict(data)
    funcs = e.pop("functions") or {}
    scalar = frozenset(f.upper() for f in funcs.get("scalar") or ())
    return Engine(
        url_schemes=tuple(e.pop("url_schemes")), driver=e.pop("driver"), extra=e.pop("extra"),
        text_type=e.pop("text_type"), timestamp_type=e.pop("timestamp_type"), now=e.pop("now"),
        batch_end=e.pop("batch_end"), create_schema=" ".join(e.pop("create_schema").split()),
        create_view=e.pop("create_view"), drop_view=e.pop("drop_view"),
        drop_table=" ".join(e.pop("drop_table").split()), max_name_bytes=e.pop("max_name_bytes"),
        stored_case=e.pop("stored_case", None),
        create_table_once=" ".join(e.pop("create_table_once").split()),
        create_index_once=" ".join(e.pop("create_index_once").split()) if e.get("create_index_once") else e.pop("create_index_once"),
        constraints=bool(e.pop("constraints", True)), multi_row_insert=bool(e.pop("multi_row_insert", False)),
        rules_per_query=int(e.pop("rules_per_query", 1)),
        grants=tuple(e.pop("grants", ()) or ()), denied_errors=tuple(e.pop("denied_errors", ()) or ()),
        transactional_ddl=bool(e.pop("transactional_ddl")), teardown=e.pop("teardown"),
        preflight=tuple(" ".join(p.split()) for p in e.pop("preflight", ()) or ()),
        session=tuple(" ".join(p.split()) for p in e.pop("session", ()) or ()),
        unicode_literal_prefix=e.pop("unicode_literal_prefix", "") or "",
        script_begin=tuple(e.pop("script_begin", ()) or ()), script_end=tuple(e.pop("script_end", ()) or ()),
        from_dual=e.pop("from_dual") or "", probes=tuple(" ".join(p.split()) for p in e.pop("probes") or ()),
        scalar_functions=scalar, functions=scalar | frozenset(f.upper() for f in funcs.get("other") or ()),
        **({} if not e else _unknown_keys(e)),
    )


def _unknown_keys(rest: dict) -> dict:
    raise UsageError(f"dialect table: unknown engine entries {', '.join(sorted(rest))}")


@dataclass(frozen=True)
class DialectSpec:
    name: str
    sqlglot_name: str
    helpers: dict[str, str]
    quirks: tuple[str, ...] = ()
    collation: str | None = None
    version: int | None = None      # target version, e.g. 2017 for "tsql:2017"
    features: frozenset[str] = frozenset()
    engine: Engine | None = None

    @property
    def kind(self) -> str:
        """The engine's table name ("tsql:2017" -> "tsql")."""
        return self.name.partition(":")[0]

    def has(self, feature: str) -> bool:
        return feature in self.features


@lru_cache(maxsize=None)
def spec(name: str) -> DialectSpec:
    """The dialect table for ``name`` ("tsql", or "tsql:2017" for a newer target version: the
    table's ``versions`` entries up to that version override helpers and switch on features)."""
    base, _, wanted = name.partition(":")
    if base not in engines():
        raise UsageError(f"unknown dialect {base!r}; choose one of {', '.join(engines())}")
    data = yaml.safe_load((dialects_dir() / f"{base}.yml").read_text(encoding="utf-8"))
    helpers = {k: " ".join(v.split()) for k, v in data["helpers"].items()}
    versions = {int(v): entry or {} for v, entry in (data.get("versions") or {}).items()}
    features: set[str] = set()
    engine = dict(data.get("engine") or {})
    version = None
    if wanted:
        known = sorted(versions) + [int(data.get("minimum_version", 0))]
        if not wanted.isdigit() or int(wanted) < min(known):
            raise UsageError(f"--target-version {wanted!r} for {base}: give a version such as "
                             f"{', '.join(str(v) for v in sorted(set(known)) if v)}")
        version = int(wanted)
        for v in sorted(versions):
            if v <= version:
                helpers.update({k: " ".join(t.split()) for k, t in (versions[v].get("helpers") or {}).items()})
                features |= set(versions[v].get("features") or ())
                engine.update(versions[v].get("engine") or {})
    return DialectSpec(
        name=name,
        sqlglot_name=data["sqlglot"],
        helpers=helpers,
        quirks=tuple(data.get("quirks") or ()),
        collation=data.get("collation"),
        version=version,
        features=frozenset(features),
        engine=_engine(engine),
    )


def helper_names() -> frozenset[str]:
    """The portable vocabulary: helpers every dialect defines."""
    names = [set(spec(d).helpers) for d in engines()]
    return frozenset(set.intersection(*names))


def _expand(template: str, args: list[str]) -> str:
    def arg(m: re.Match) -> str:
        i = int(m.group(1)) - 1
        if i >= len(args):
            raise UsageError(f"helper template {template!r} needs argument ${i + 1}")
        return args[i]
    return _ARG.sub(arg, template)


# ---- AST rewrites switched on per dialect ("quirks") ---------------------------------------

# sqlglot is imported where it is used: a run whose SQL is all in the cache never needs it.

def _is_text_literal(node) -> bool:
    from sqlglot import exp
    return isinstance(node, exp.Literal) and node.is_string


def _text_columns() -> frozenset[str]:
    """Staged columns that hold text (codes, ids and the original date text)."""
    from .tables import DERIVED, REFERENCE, TABLES
    names = {c for t in TABLES + REFERENCE for c in t.staged_text}
    names |= {c.lower() for cols in DERIVED.values() for c in cols}
    return frozenset(names)


def _rewrite_text_comparisons(tree: exp.Expression, wrap, wrap_literals: bool,
                              partitions: bool = False) -> exp.Expression:
    """Make every comparison of text byte-exact with ``wrap``: ``=``, ``<>``, IN and LIKE whose
    side is a text literal or a staged text column (``x = 'M'``, ``f.rne <> p.rne``), and, with
    ``partitions``, window PARTITION BY keys. A literal is wrapped too when ``wrap_literals``."""
    from sqlglot import exp

    text_cols = _text_columns()

    def is_text_col(node) -> bool:
        return isinstance(node, exp.Column) and node.name.lower() in text_cols

    def is_text(node) -> bool:
        return _is_text_literal(node) or is_text_col(node)

    def done(node) -> bool:  # already byte-exact: wrapped by this pass, or COLLATE written in the rule
        return isinstance(node, exp.Collate) or node.meta.get("v903_binary", False)

    def wrapped(node: exp.Expression) -> exp.Expression:
        out = wrap(node.copy())
        out.meta["v903_binary"] = True
        return out

    def side(node):
        return wrapped(node) if (wrap_literals or not _is_text_literal(node)) else node

    for node in list(tree.find_all(exp.EQ, exp.NEQ, exp.Like, exp.In)):
        if isinstance(node, exp.In):
            if done(node.this) or node.args.get("query") is not None:
                continue
            if (node.expressions and all(_is_text_literal(e) for e in node.expressions)) or is_text_col(node.this):
                node.set("this", wrapped(node.this))
                if wrap_literals:
                    node.set("expressions", [wrapped(e) if _is_text_literal(e) else e for e in node.expressions])
            continue
        left, right = node.this, node.expression
        if done(left) or done(right) or not (is_text(left) or is_text(right)):
            continue
        if isinstance(node, exp.Like) and wrap_literals:
            continue  # a sort key is not a string LIKE can match (see the dialect table)
        if wrap_literals:
            node.set("this", side(left))
            node.set("expression", side(right))
        elif not _is_text_literal(left):
            node.set("this", wrapped(left))
        elif not _is_text_literal(right):
            node.set("expression", wrapped(right))
    if partitions:
        for window in tree.find_all(exp.Window):
            keys = window.args.get("partition_by") or []
            window.set("partition_by", [wrapped(k) if is_text_col(k) and not done(k) else k for k in keys])
    return tree


def _case_sensitive_compare(tree: exp.Expression, collation: str) -> exp.Expression:
    """SQL Server: default collations are case-insensitive and blind to trailing spaces, so
    ``x = 'M'`` becomes ``x COLLATE <bin> = 'M'`` (staged columns already carry the collation,
    which covers GROUP BY and PARTITION BY; the literal side takes the column's)."""
    from sqlglot import exp

    return _rewrite_text_comparisons(
        tree, lambda n: exp.Collate(this=n, expression=exp.Var(this=collation)), wrap_literals=False)


def _binary_sort_key_compare(tree: exp.Expression, _collation: str | None) -> exp.Expression:
    """Oracle: a session with ``NLS_COMP=LINGUISTIC`` (common in BI tools) compares text by its
    ``NLS_SORT`` (``BINARY_CI``: case-insensitively), and a view cannot pin the session. Comparing
    ``NLSSORT(x, 'NLS_SORT=BINARY')`` sort keys is byte-exact whatever the session says, because
    the keys are RAW, which no NLS setting touches; the same for PARTITION BY keys."""
    from sqlglot import exp

    def key(n: exp.Expression) -> exp.Expression:
        return exp.Anonymous(this="NLSSORT", expressions=[n, exp.Literal.string("NLS_SORT=BINARY")])

    return _rewrite_text_comparisons(tree, key, wrap_literals=True, partitions=True)


QUIRKS = {
    "case_sensitive_compare": _case_sensitive_compare,
    "binary_sort_key_compare": _binary_sort_key_compare,
}


@lru_cache(maxsize=None)
def _generator_class(name: str):
    """A subclass of sqlglot's generator for ``name`` that expands ssda_* helpers."""
    from sqlglot import exp
    from sqlglot.dialects.dialect import Dialect

    s = spec(name)
    base = type(Dialect.get_or_raise(s.sqlglot_name))

    class HelperGenerator(base.Generator):  # type: ignore[name-defined, misc]
        def anonymous_sql(self, expression: exp.Anonymous) -> str:
            fname = expression.name.lower()
            template = s.helpers.get(fname)
            if template is None:
                if fname.startswith("ssda_"):
                    raise UsageError(f"unknown helper {fname}() for dialect {name}")
                return super().anonymous_sql(expression)
            return _expand(template, [self.sql(a) for a in expression.expressions])

    return base, HelperGenerator


def parse(sql: str) -> list[exp.Expression]:
    """Parse portable (DuckDB-flavoured) SQL into statements."""
    import sqlglot

    return [e for e in sqlglot.parse(sql, read="duckdb") if e is not None]


def generate(tree: exp.Expression, dialect: str, pretty: bool = False) -> str:
    """SQL text of a parsed portable statement in ``dialect``, helpers expanded."""
    from sqlglot import exp

    s = spec(dialect)
    tree = tree.copy()
    if s.engine.unicode_literal_prefix:  # N'...' for text beyond ASCII, whatever the client's code page
        tree = tree.transform(lambda n: exp.National(this=n.this)
                              if _is_text_literal(n) and not n.this.isascii() else n, copy=False)
    for quirk in s.quirks:
        tree = QUIRKS[quirk](tree, s.collation)
    base, gen_cls = _generator_class(dialect)
    gen = gen_cls(dialect=base(), pretty=pretty)
    return gen.generate(tree)


def transpile(sql: str, dialect: str, pretty: bool = False) -> str:
    """Portable SQL text (possibly several statements) to ``dialect``."""
    return _join(parse(sql), dialect, pretty)


def _join(statements: list, dialect: str, pretty: bool) -> str:
    return (";\n\n" if pretty else ";\n").join(generate(t, dialect, pretty) for t in statements)


# ---- compiled-SQL cache ----------------------------------------------------------------------
# Parsing and generating are most of a small run's time, and the same rule text gives the same
# SQL: keep what was generated, keyed by the portable text, the dialect table and the versions.

def _cache_path():
    from importlib.metadata import version

    from .resources import cache_dir

    return cache_dir() / f"sql-{version('sqlglot')}.json"


_cache: dict[str, str] | None = None
_dirty = False
_used: set[str] = set()   # the keys this process read or wrote
# Entries are never invalidated, only left behind (a new version of this module, an edited rule):
# past this many, the file is rewritten with only this process's entries, so it stays under about
# 13 MB (two test runs either side of a change to this module left 24,000 entries, 15 MB, read by
# every run). A council's run uses about 700; the whole test suite about 12,000, so it never prunes
# the entries its own subprocesses share.
MAX_ENTRIES = 20000


def _load_cache() -> dict[str, str]:
    global _cache
    if _cache is None:
        import json
        try:
            _cache = json.loads(_cache_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _cache = {}
    return _cache


def _key(sql: str, dialect: str, pretty: bool) -> str:
    import hashlib

    s = spec(dialect)
    blob = "\0".join([sql, dialect, str(pretty), repr(sorted(s.helpers.items())), repr(s.quirks), str(s.collation),
                      _code_version()])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def _code_version() -> str:
    """This module's own text and the table specs: a change to a quirk, or to a table's columns,
    dates or derived columns (which the generated staging SQL follows), must not be served stale SQL."""
    import hashlib
    from pathlib import Path

    from . import tables

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(Path(tables.__file__).read_bytes())
    h.update(repr((tables.TABLES, tables.REFERENCE, sorted(tables.DERIVED.items()), tables.LAST_SUFFIX)).encode("utf-8"))
    return h.hexdigest()


def transpile_cached(sql: str, dialect: str, pretty: bool = False, single: bool = False) -> str:
    """``transpile`` through the on-disk cache (call ``save_cache`` once at the end of a run).
    ``single``: the text must be exactly one statement."""
    global _dirty
    cache = _load_cache()
    key = _key(sql, dialect, pretty)
    _used.add(key)
    hit = cache.get(key)
    if hit is None:
        statements = parse(sql)
        if single and len(statements) != 1:
            raise UsageError(f"expected exactly one statement, found {len(statements)}")
        hit = cache[key] = _join(statements, dialect, pretty)
        _dirty = True
    return hit


def memoised(key_text: str, dialect: str, pretty: bool, make: Callable[[], str]) -> str:
    """``make()`` through the same on-disk cache, keyed by ``key_text`` (what ``make`` reads) and
    everything ``transpile_cached`` keys on: a rule's SQL by its template and context, so a run
    whose rules have not changed neither renders nor transpiles them."""
    global _dirty
    cache = _load_cache()
    key = "memo:" + _key(key_text, dialect, pretty)
    _used.add(key)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = make()
        _dirty = True
    return hit


def save_cache() -> None:
    """Write the cache when this process added to it, or when it has grown past MAX_ENTRIES
    (then only with the entries this process used)."""
    global _cache, _dirty
    if _cache is None or not (_dirty or len(_cache) > MAX_ENTRIES):
        return
    import json

    from .resources import write_cache_file

    if len(_cache) > MAX_ENTRIES:
        _cache = {k: v for k, v in _cache.items() if k in _used}
    write_cache_file(_cache_path(), json.dumps(_cache))
    _dirty = False
