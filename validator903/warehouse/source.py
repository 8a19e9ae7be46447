"""Staging over the council's own tables: the mapped source as a subquery, then the same staging
projections as a local run. Built as ASTs, so a mapping's names and expressions are embedded as
parsed nodes (quoted identifiers, scalar expressions), never pasted as text."""
from __future__ import annotations

from sqlglot import exp

from ..dialects import generate, parse
from ..stage import staging_select
from ..tables import DERIVED, LAST_SUFFIX, spec_for
from .mapping import Mapping, TableSource, check_expression


def relation(ts: TableSource) -> exp.Table:
    parts = [exp.to_identifier(p, quoted=ts.quoted) for p in ts.relation]
    return exp.Table(this=parts[-1], db=parts[0] if len(parts) == 2 else None)


def _column(ts: TableSource, name: str, dialect: str) -> exp.Expression:
    src = ts.columns.get(name)
    if src is None:
        return exp.column(exp.to_identifier(name, quoted=False), table="m")
    if src.expr is not None:
        node = check_expression(src.expr, dialect, f"{ts.name}.columns.{name}")
        for col in node.find_all(exp.Column):
            if not col.table:
                col.set("table", exp.to_identifier("m"))
        return node
    return exp.column(exp.to_identifier(src.column, quoted=True), table="m")


def source_select(mapping: Mapping, table: str, dialect: str) -> exp.Select:
    """SELECT row_no, <903 columns> FROM <council relation> AS m, as the raw layer would hold it."""
    ts = mapping.tables[table]
    spec = spec_for(table)
    cols = list(spec.columns)
    projections: list[exp.Expression] = []
    if ts.row_no:
        row_no = exp.column(exp.to_identifier(ts.row_no, quoted=True), table="m")
    else:  # no row number in the warehouse: number rows by child and dates, deterministically
        order = [_column(ts, c, dialect) for c in ("CHILD", *spec.dates)]
        row_no = exp.Window(this=exp.RowNumber(), order=exp.Order(expressions=[exp.Ordered(this=o) for o in order]))
    projections.append(exp.alias_(row_no, "row_no"))
    for c in cols:
        projections.append(exp.alias_(_column(ts, c, dialect), c))
    for c in DERIVED.get(spec.name, ()):
        projections.append(exp.alias_(_derived_uasc(mapping, ts, table, dialect), c))
    return exp.select(*projections).from_(exp.alias_(relation(ts), "m", table=True))


def _derived_uasc(mapping: Mapping, ts: TableSource, table: str, dialect: str) -> exp.Expression:
    if "UASC" in ts.columns:
        return _column(ts, "UASC", dialect)
    suffix = LAST_SUFFIX if table.endswith(LAST_SUFFIX) else ""
    uasc = mapping.tables.get("uasc" + suffix)
    if uasc is None:
        return exp.Null()
    inner = exp.select(exp.Literal.number(1)).from_(exp.alias_(relation(uasc), "u", table=True)).where(
        exp.EQ(this=_column(uasc, "CHILD", dialect).transform(
            lambda n: exp.column(n.name, table="u") if isinstance(n, exp.Column) else n),
               expression=_column(ts, "CHILD", dialect)))
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=inner), true=exp.Literal.string("1"))],
                    default=exp.Literal.string("0"))


def staged_select(mapping: Mapping, table: str, dialect: str) -> exp.Expression:
    """The staging SELECT for ``table`` over its mapped source (typed dates passed through)."""
    ts = mapping.tables[table]
    typed = {c for c, s in ts.columns.items() if s.is_date}
    tree = parse(staging_select(table, "v903_source", typed_dates=typed))[0]
    placeholder = next(t for t in tree.find_all(exp.Table) if t.name == "v903_source")
    placeholder.replace(exp.alias_(exp.Subquery(this=source_select(mapping, table, dialect)), "r", table=True))
    return tree


def staged_sql(mapping: Mapping, table: str, dialect: str, pretty: bool = False) -> str:
    return generate(staged_select(mapping, table, dialect), dialect, pretty=pretty)
