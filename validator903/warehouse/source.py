"""Staging over the council's own tables: the mapped source as a subquery, then the same staging
projections as a local run. Built as ASTs, so a mapping's names and expressions are embedded as
parsed nodes (quoted identifiers, scalar expressions), never pasted as text.

Warehouse columns come typed: every code column is cast to the engine's text type (an integer
CHILD is compared as text, as in a CSV), a native date column is cut to its date (DATETIME,
TIMESTAMP, Oracle DATE keep a time of day) and bounded to the years the date parser accepts, and
on engines whose default collation is case-insensitive every staged text column carries the
binary collation, so every comparison, join, GROUP BY or PARTITION BY over it is exact.
"""
from __future__ import annotations

from sqlglot import exp

from ..context import CollectionYear
from ..dialects import generate, parse, spec
from ..errors import UsageError
from ..pooled import PART
from ..stage import staging_select
from ..tables import DERIVED, LAST_SUFFIX, is_reference, spec_for
from .mapping import Mapping, TableSource, check_expression


# The years ssda_parse_date accepts (see dialects/*.yml): typed dates outside them are no date.
FIRST_DATE, LAST_DATE = "1678-01-01", "2261-12-31"
TEXT_CAST_LENGTH = 4000


def stored_name(name: str, dialect: str) -> str:
    """A mapping name as the engine stores it: where unquoted names are stored upper-case
    (Oracle), an all-lower-case name is the upper-case one (``ssda903_header`` was created
    unquoted); any other name is used exactly as written."""
    if spec(dialect).engine.stored_case == "upper" and name == name.lower():
        return name.upper()
    return name


def relation(ts: TableSource, dialect: str) -> exp.Table:
    parts = [exp.to_identifier(stored_name(p, dialect) if ts.quoted else p, quoted=ts.quoted)
             for p in ts.relation]
    return exp.Table(this=parts[-1], db=parts[0] if len(parts) == 2 else None)


def _column(ts: TableSource, name: str, dialect: str, alias: str = "m") -> exp.Expression:
    src = ts.columns.get(name)
    if src is None:
        return exp.column(exp.to_identifier(name, quoted=False), table=alias)
    if src.expr is not None:
        node = check_expression(src.expr, dialect, f"{ts.name}.columns.{name}")
        for col in node.find_all(exp.Column):
            if not col.table:
                col.set("table", exp.to_identifier(alias))
        return node
    return exp.column(exp.to_identifier(stored_name(src.column, dialect), quoted=True), table=alias)


def _as_text(node: exp.Expression, dialect: str) -> exp.Expression:
    text = exp.DataType.build(spec(dialect).engine.text(TEXT_CAST_LENGTH), dialect=spec(dialect).sqlglot_name)
    return exp.Cast(this=node, to=text)


def source_select(mapping: Mapping, table: str, dialect: str) -> exp.Select:
    """SELECT row_no, <903 columns> FROM <council relation> AS m, as the raw layer would hold it."""
    ts = mapping.tables[table]
    spec = spec_for(table)
    cols = list(spec.columns)
    projections: list[exp.Expression] = []
    if ts.row_no:
        row_no = exp.column(exp.to_identifier(stored_name(ts.row_no, dialect), quoted=True), table="m")
    else:  # no row number in the warehouse: number rows by child, dates, then every other column,
        # so equal keys still get one order (rows identical in every column are interchangeable);
        # adding rows can still shift the numbers: a mapping should supply row_no, and BI keys on
        # (code, table_name, child, natural_key)
        first = ["CHILD"] if "CHILD" in cols else []   # reference data has no CHILD
        keys = [*first, *spec.dates, *(c for c in cols if c != "CHILD" and c not in spec.dates)]
        blank = {c for c, src in ts.columns.items() if src.expr == "NULL"}  # SQL Server refuses constants here
        order = [_column(ts, c, dialect) for c in keys if c not in blank]
        # pooled: numbered within each council, so a council's rows number as its own return would
        row_no = exp.Window(this=exp.RowNumber(), order=exp.Order(expressions=[exp.Ordered(this=o) for o in order]),
                            partition_by=[_pool_column(mapping, "la_column", dialect)] if _pooled(mapping, ts.name) else None)
    projections.append(exp.alias_(row_no, "row_no"))
    for c in cols:
        node = _column(ts, c, dialect)
        src = ts.columns.get(c)
        projections.append(exp.alias_(node if src is not None and src.is_date else _as_text(node, dialect), c))
    for c in DERIVED.get(spec.name, ()):
        projections.append(exp.alias_(_as_text(_derived_uasc(mapping, ts, table, dialect), dialect), c))
    pooled = _pooled(mapping, ts.name)
    if pooled:
        projections.append(exp.alias_(_as_text(_pool_column(mapping, "la_column", dialect), dialect), PART))
    source = exp.Subquery(this=_literal_rows(ts, dialect)) if ts.rows is not None else relation(ts, dialect)
    select = exp.select(*projections).from_(exp.alias_(source, "m", table=True))
    return select.where(_year_filter(mapping, ts, dialect), copy=False) if pooled and mapping.year_column else select


def _pooled(mapping: Mapping, table: str) -> bool:
    """Whether ``table``'s rows carry a council (and year): pooled data, except reference data,
    which is every council's (bundled la_codes, the postcode and provider tables) unless the
    mapping says its rows carry one (``council_references``)."""
    return mapping.pooled and (not is_reference(table) or table in mapping.council_references)


def _literal_rows(ts: TableSource, dialect: str) -> exp.Expression:
    """Bundled rows as a UNION ALL of one-row SELECTs (text literals under the raw column names)."""
    cols = spec_for(ts.name).columns
    dual = spec(dialect).engine.from_dual.split()[-1] if spec(dialect).engine.from_dual else None
    selects = []
    for r in ts.rows:
        sel = exp.select(*(exp.alias_(exp.Literal.string(r[c]) if r.get(c) else exp.Null(), c) for c in cols))
        selects.append(sel.from_(dual) if dual else sel)
    tree = selects[0]
    for sel in selects[1:]:
        tree = exp.union(tree, sel, distinct=False)
    return tree


def _pool_column(mapping: Mapping, which: str, dialect: str, alias: str = "m") -> exp.Column:
    return exp.column(exp.to_identifier(stored_name(getattr(mapping, which), dialect), quoted=True), table=alias)


def _year_filter(mapping: Mapping, ts: TableSource, dialect: str, alias: str = "m") -> exp.Expression:
    """Pooled data holding several years: this run's year, or the previous one for a _last table."""
    if mapping.year is None:
        raise UsageError("a mapping with year_column: is run for one --year at a time")
    year = mapping.year
    wanted = str(CollectionYear(year.start_year - 1)) if ts.previous else str(year)
    return exp.EQ(this=_as_text(_pool_column(mapping, "year_column", dialect, alias), dialect),
                  expression=exp.Literal.string(wanted))


def _derived_uasc(mapping: Mapping, ts: TableSource, table: str, dialect: str) -> exp.Expression:
    if "UASC" in ts.columns:
        return _column(ts, "UASC", dialect)
    suffix = LAST_SUFFIX if table.endswith(LAST_SUFFIX) else ""
    uasc = mapping.tables.get("uasc" + suffix)
    if uasc is None:
        return exp.Null()
    # both sides as trimmed text, as staging holds ids: an integer id on one side and text on the
    # other still match, and so do '103152 ' and '103152'
    trimmed = lambda node: exp.Anonymous(this="ssda_trim", expressions=[_as_text(node, dialect)])
    inner = exp.select(exp.Literal.number(1)).from_(exp.alias_(relation(uasc, dialect), "u", table=True)).where(
        exp.EQ(this=trimmed(_column(uasc, "CHILD", dialect, alias="u")),
               expression=trimmed(_column(ts, "CHILD", dialect))))
    if mapping.pooled:  # the same council's (and year's) uasc rows
        inner = inner.where(exp.EQ(this=_pool_column(mapping, "la_column", dialect, "u"),
                                   expression=_pool_column(mapping, "la_column", dialect)), copy=False)
        if mapping.year_column:
            inner = inner.where(_year_filter(mapping, uasc, dialect, "u"), copy=False)
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=inner), true=exp.Literal.string("1"))],
                    default=exp.Literal.string("0"))


def staged_select(mapping: Mapping, table: str, dialect: str) -> exp.Expression:
    """The staging SELECT for ``table`` over its mapped source (typed dates passed through)."""
    ts = mapping.tables[table]
    typed = {c for c, s in ts.columns.items() if s.is_date}
    tree = parse(staging_select(table, "v903_source", typed_dates=typed))[0]
    for c in typed:  # the date only, within the parser's years (the _raw text keeps the original)
        proj = next(p for p in tree.expressions if p.alias_or_name == c.lower())
        day = f"ssda_to_date(r.{c})"
        proj.set("this", parse(f"SELECT CASE WHEN {day} BETWEEN ssda_date('{FIRST_DATE}') AND "
                               f"ssda_date('{LAST_DATE}') THEN {day} END")[0].expressions[0])
    collation = spec(dialect).collation
    if collation:
        texts = set(spec_for(table).staged_text) | {c.lower() for c in DERIVED.get(spec_for(table).name, ())}
        for proj in tree.expressions:
            if proj.alias_or_name in texts:
                proj.set("this", exp.Collate(this=proj.this, expression=exp.Var(this=collation)))
    if _pooled(mapping, table):  # the council passes through staging (validator903.pooled)
        tree.select(exp.column(PART, table="r"), copy=False)
    placeholder = next(t for t in tree.find_all(exp.Table) if t.name == "v903_source")
    placeholder.replace(exp.alias_(exp.Subquery(this=source_select(mapping, table, dialect)), "r", table=True))
    return tree


def staged_sql(mapping: Mapping, table: str, dialect: str, pretty: bool = False) -> str:
    return generate(staged_select(mapping, table, dialect), dialect, pretty=pretty)
