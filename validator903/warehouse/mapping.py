"""Mapping: where each canonical 903 table comes from in the council's warehouse.

    schema: ssda903            # optional default: where the source tables live (else none)
    row_no: extract_row        # optional default row-number column for every table
    tables:
      header:
        source: dbo.ssda903_header         # schema.table (or table); exactly as the database stores it
        row_no: extract_row                # optional column giving the row number
        columns:
          CHILD: person_id                 # a source column
          DOB: {column: birth_date, type: date}     # a native DATE column (not dd/mm/yyyy text)
          SEX: {expr: "CASE WHEN gender = 'Male' THEN 'M' WHEN gender = 'Female' THEN 'F' END"}
      dolo: null                           # not available: rules that need it are skipped

With a ``tables:`` list, only the listed tables are available (an entry ``{}`` takes the canonical
name; unlisted or ``null`` tables have their rules skipped); without one, every table is at its
canonical name. Unmapped columns default to the canonical names (``header.CHILD``); a column set to
``null`` is blank in every row. Identifiers must be
plain names (letters, digits, _ $ #) and are emitted quoted, so a mapping cannot inject SQL;
expressions must parse as one scalar expression over the source's columns (no subqueries, no
statements). Without ``row_no``, rows are numbered by CHILD and the table's dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp

from ..dialects import spec
from ..errors import UsageError
from ..tables import BY_NAME, DERIVED, LAST_SUFFIX, TABLES, all_table_names, is_reference, spec_for

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_$#]{0,127}$")
_FORBIDDEN = (exp.Subquery, exp.Select, exp.Union, exp.Insert, exp.Update, exp.Delete, exp.Drop,
              exp.Create, exp.Command, exp.Merge, exp.Alter, exp.TruncateTable)


@dataclass(frozen=True)
class ColumnSource:
    column: str | None = None   # a source column name
    expr: str | None = None     # or an SQL expression in the target dialect
    is_date: bool = False       # a native DATE column


@dataclass
class TableSource:
    name: str                               # canonical name (with _last)
    relation: tuple[str, ...]               # (schema, table) or (table,)
    columns: dict[str, ColumnSource] = field(default_factory=dict)
    row_no: str | None = None
    quoted: bool = True                     # False for defaults: canonical names stay unquoted
    rows: tuple[dict, ...] | None = None    # bundled data inlined as literal rows (read-only runs)
    previous: bool = False                  # pooled: last year's rows of the same source (a _last table)


@dataclass
class Mapping:
    tables: dict[str, TableSource]
    omitted: set[str]
    # pooled data (validator903.pooled): the column naming each row's council, and the one naming
    # its collection year ('2025/26'); ``year`` is the run's, set by whoever runs the mapping
    la_column: str | None = None
    year_column: str | None = None
    year: object | None = None
    # reference tables whose rows carry a council too (the test harness gives each case its own
    # postcodes and providers); any other reference data is every council's, with no council column
    council_references: frozenset = frozenset()

    def has(self, table: str) -> bool:
        return table in self.tables

    def council_relations(self) -> set[str]:
        """What the pooled rewrite keeps within a council (validator903.pooled.partition)."""
        from ..pooled import council_relations

        return council_relations(self.council_references)

    def within_councils(self, tree):
        """A parsed rule or derived relation as it runs on this mapping's data: pooled, rewritten to
        run within each council (its LA codes from v903_councils); else as written."""
        from ..pooled import partition

        return partition(tree, self.council_relations()) if self.pooled else tree

    @property
    def pooled(self) -> bool:
        return self.la_column is not None


def _ident(value, where: str) -> str:
    text = str(value)
    if not _IDENT.match(text):
        raise UsageError(f"mapping {where}: {text!r} is not a plain identifier (letters, digits, _ $ #)")
    return text


def _relation(value: str, where: str) -> tuple[str, ...]:
    parts = str(value).split(".")
    if not 1 <= len(parts) <= 2:
        raise UsageError(f"mapping {where}: {value!r} should be table or schema.table")
    return tuple(_ident(p, where) for p in parts)


def check_expression(text: str, dialect: str, where: str) -> exp.Expression:
    try:
        parsed = sqlglot.parse(text, read=spec(dialect).sqlglot_name)
    except sqlglot.errors.ParseError as e:
        raise UsageError(f"mapping {where}: expression does not parse: {str(e).splitlines()[0]}") from None
    if len(parsed) != 1 or parsed[0] is None:
        raise UsageError(f"mapping {where}: give exactly one expression")
    tree = parsed[0]
    bad = next((n for n in tree.walk() if isinstance(n, _FORBIDDEN + (exp.AggFunc, exp.Window))), None)
    if bad is not None or isinstance(tree, _FORBIDDEN):
        raise UsageError(f"mapping {where}: only a scalar expression over the source's columns is allowed")
    unlisted = sorted(set(_called(tree, dialect)) - spec(dialect).engine.scalar_functions - _WORDS)
    if unlisted:
        raise UsageError(f"mapping {where}: {', '.join(unlisted)} is not on the list of functions an expr: may "
                         f"call ({', '.join(sorted(spec(dialect).engine.scalar_functions))})")
    return tree


# Words that precede a parenthesis without being a call.
_WORDS = frozenset({"AND", "OR", "NOT", "THEN", "ELSE", "WHEN", "IS", "AS", "BETWEEN", "LIKE", "END", "COLLATE",
                    "VARCHAR", "NVARCHAR", "CHAR", "NCHAR", "VARCHAR2", "DECIMAL", "NUMERIC", "NUMBER"})  # + types
_STRING = re.compile(r"'(?:[^']|'')*'")
_CALL = re.compile(r"\b([A-Z_][A-Z0-9_$#]*)\s*\(")


def _called(tree: exp.Expression, dialect: str) -> list[str]:
    """Every function name the expression calls, as the target engine will see it (regenerated,
    so a name cannot hide in quoting or comments); quoted identifiers are not calls."""
    tree = tree.copy()
    for ident in tree.find_all(exp.Identifier):
        ident.set("this", "x")  # column names are free text; only the shape of the calls matters
    text = tree.sql(dialect=spec(dialect).sqlglot_name).upper()
    return _CALL.findall(_STRING.sub("''", text))


def default_mapping(schema: str | None = None, omit: set[str] | None = None, references: bool = False) -> Mapping:
    """Every 903 table at its canonical name in ``schema`` (``omit`` excepted). A postcode table
    exists only where a mapping names it (``references``: the reference tables too, as for a
    mapping's ``tables:`` list); the bundled la_codes is never the council's (see deploy)."""
    tables = {}
    for name in all_table_names():
        if (omit and name in omit) or (is_reference(name) and not references):
            continue
        relation = (schema, name) if schema else (name,)
        tables[name] = TableSource(name, relation, quoted=False)
    return Mapping(tables, set(omit or ()))


LA_CODES_TABLE = "v903_la_codes"   # the bundled LA codes, in our schema when deployed


def la_codes_source(schema: str | None = None) -> TableSource:
    """Where the bundled la_codes comes from in a warehouse: our table ``<schema>.v903_la_codes``
    (deploy creates it, valid_from/valid_to as DATEs), or, with no schema (a read-only run, which
    creates nothing), its rows inlined as literals."""
    from ..reference import LA_CODES, la_code_rows

    if schema is None:
        return TableSource(LA_CODES, (LA_CODES,), quoted=False, rows=la_code_rows())
    cols = {c: ColumnSource(column=c.lower(), is_date=c in spec_for(LA_CODES).dates) for c in spec_for(LA_CODES).columns}
    return TableSource(LA_CODES, (schema, LA_CODES_TABLE), cols)


def load_mapping(path: Path | None, dialect: str, source_schema: str | None = None) -> Mapping:
    if path is None:
        return default_mapping(source_schema)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise UsageError(f"{path}: cannot read mapping: {str(e).splitlines()[0]}") from None
    schema = doc.get("schema", source_schema)
    if schema is not None:
        _ident(schema, "schema")
    default_row_no = _ident(doc["row_no"], "row_no") if doc.get("row_no") else None
    given = doc.get("tables")
    if given is not None and not isinstance(given, dict):
        raise UsageError(f"{path}: tables: should map canonical table names to their sources")
    unknown = sorted(set(given or ()) - set(all_table_names()))
    if unknown:
        raise UsageError(f"{path}: unknown table(s) {', '.join(unknown)}; use the canonical names")
    bundled = sorted(t for t in given or () if is_reference(t) and not BY_NAME[t].option)
    if bundled:
        raise UsageError(f"{path}: {', '.join(bundled)} is bundled with validator903 (deployed as v903_{bundled[0]}); "
                         "leave it out of the mapping")
    # A mapping names what exists: with a tables: list, an unlisted table is not available (its
    # rules are skipped) rather than guessed at its canonical name; without one, every table is
    # at its canonical name in the schema.
    # (the bundled la_codes is never the council's to list: deploy and run supply it)
    listable = {t for t in all_table_names() if not is_reference(t) or BY_NAME[t].option}
    mapping = default_mapping(schema, omit=listable - set(given) if given is not None else None,
                              references=given is not None)
    mapping.tables = {n: ts for n, ts in mapping.tables.items() if n in listable}
    mapping.la_column = _ident(doc["la_column"], "la_column") if doc.get("la_column") else None
    mapping.year_column = _ident(doc["year_column"], "year_column") if doc.get("year_column") else None
    if mapping.year_column and not mapping.la_column:
        raise UsageError(f"{path}: year_column: needs la_column: too (pooled data names the council of each row)")
    given = given or {}
    if default_row_no:
        for ts in mapping.tables.values():
            ts.row_no = default_row_no
    for name, entry in given.items():
        if entry is None:
            mapping.tables.pop(name, None)
            mapping.omitted.add(name)
            continue
        spec = spec_for(name)
        src = mapping.tables[name]
        if "source" in entry:
            rel = _relation(entry["source"], f"{name}.source")
            src.relation = rel if len(rel) == 2 or schema is None else (schema, rel[0])
            src.quoted = True
        if entry.get("row_no"):
            src.row_no = _ident(entry["row_no"], f"{name}.row_no")
        allowed = set(spec.columns) | set(DERIVED.get(spec.name, ()))
        for col, value in (entry.get("columns") or {}).items():
            col = str(col).upper()
            where = f"{name}.columns.{col}"
            if col not in allowed:
                raise UsageError(f"mapping {where}: {name} has no column {col}")
            if value is None:  # not collected: the column is blank for every row
                src.columns[col] = ColumnSource(expr="NULL")
            elif isinstance(value, str):
                src.columns[col] = ColumnSource(column=_ident(value, where))
            elif isinstance(value, dict):
                is_date = value.get("type") == "date"
                if is_date and col not in spec.dates:
                    raise UsageError(f"mapping {where}: only date columns can be type: date")
                if "column" in value:
                    src.columns[col] = ColumnSource(column=_ident(value["column"], where), is_date=is_date)
                elif "expr" in value:
                    check_expression(str(value["expr"]), dialect, where)
                    src.columns[col] = ColumnSource(expr=str(value["expr"]), is_date=is_date)
                else:
                    raise UsageError(f"mapping {where}: give column: or expr:")
            else:
                raise UsageError(f"mapping {where}: give a column name, {{column: ...}} or {{expr: ...}}")
    if mapping.year_column:
        # one pooled table holds every year: last year's return is its previous year's rows,
        # unless a _last table is mapped (or set to null) on its own; reference data has no _last
        for name in list(mapping.tables):
            last = name + LAST_SUFFIX
            if not name.endswith(LAST_SUFFIX) and not is_reference(name) and last not in given:
                ts = mapping.tables[name]
                mapping.tables[last] = TableSource(last, ts.relation, dict(ts.columns), ts.row_no, ts.quoted, previous=True)
                mapping.omitted.discard(last)
    return mapping


def _column_lines(t) -> str:
    """Every column as a comment (unlisted columns keep their canonical, unquoted names)."""
    width = max(len(c) for c in t.columns)
    lines = []
    for c in t.columns:
        kind = ("date: dd/mm/yyyy text, or {column: ..., type: date} for a DATE/DATETIME column"
                if c in t.dates else "text (a number column is read as its digits)")
        lines.append(f"      # {c}:{' ' * (width - len(c))} your_column   # {kind}\n")
    if t.name in DERIVED:
        lines += [f"      # {c}:{' ' * (width - len(c))} your_column   # text 0/1; without it, derived from uasc\n"
                  for c in DERIVED[t.name]]
    return "".join(lines)


def starter() -> str:
    """A starter mapping: every table and every column, with the type validator903 expects."""
    body = "".join(f"  {t.name}{suffix}:\n    source: ssda903_{t.name}{suffix}\n    columns: {{}}\n" + _column_lines(t)
                   for suffix in ("", LAST_SUFFIX) for t in TABLES)
    return STARTER_HEAD + body + STARTER_POSTCODES


# The postcode table is optional (its rules are skipped without it), so it is offered commented out.
STARTER_POSTCODES = """  # The ONS postcode directory (NSPL or ONSPD) loaded as a table, for the placement postcode rules;
  # ONSPD names the LA columns oslaua and oscty.
  # postcodes:
  #   source: ref.nspl
  #   columns: {PCD: pcd, PCDS: pcds, LAUA: laua, CTY: cty, OSEAST1M: oseast1m, OSNRTH1M: osnrth1m, DOTERM: doterm}
"""


STARTER_HEAD = """# validator903 mapping: where each 903 table lives in your warehouse.
# Only the tables listed here are read: set one to null (or delete it) if you do not hold it, and
# its rules are skipped. Columns keep their canonical names unless listed under columns: (replace
# the {} with the lines you need): your column's name, used exactly as written (quoted; on Oracle an
# all-lower-case name means the upper-case one), null (blank in every row), or {expr: "..."} with
# the listed scalar functions of your database.
schema: dbo
tables:
"""
