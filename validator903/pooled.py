"""Pooled data: many councils in one table, every rule run within each council at once.

Staging of a pooled mapping carries the council as one more column, ``v903_la``. Rules and
derived relations are written for one council's return, so here, once and for every query, the
parsed SQL is rewritten so that nothing meets rows of another council:

- every join between two staged (or derived, or rule-CTE) relations also matches ``v903_la``;
- every subquery over them (EXISTS, IN, a scalar subquery) is correlated on ``v903_la`` with the
  query around it, correlated before or not;
- every window is partitioned by it and every GROUP BY groups by it (an aggregate without GROUP BY
  in a CTE or derived table gets one: one row per council instead of one row);
- every CTE, derived table and the rule's own result project it, so the flagged rows carry it.

Which relations count is the caller's list (by default the staged 903 tables and the derived
relations: reference data -- the bundled la_codes, postcodes, providers -- is every council's and
has no council column) plus the rule's own CTEs over them.

A rule rendered for pooled data (``RuleContext(pooled=True)``) reads the council's own LA code as
``v903_council.la_code`` / ``v903_council.la_ons`` instead of one literal per run. Each select that
reads them, or the nearest one around it over council rows, gets ``LEFT JOIN v903_councils AS
v903_council ON v903_council.v903_la = <its council source>.v903_la``: one row per council, so
joining it repeats nothing, and a subquery reading it is correlated only with the query directly
outside it (what Spark resolves). ``v903_councils`` (v903_la, la_code, la_ons) is the run's: over
the bundled LA codes in a warehouse (``COUNCILS_SQL``: the LA column holds DfE 3-digit or ONS
codes), one row per case in the test harness.

For one council the rewrite is an identity on results (every row has the same ``v903_la``), which
the tests check by running every rule case pooled beside other cases: a case's rows must be
flagged exactly as when it runs alone.
"""
from __future__ import annotations

from sqlglot import exp

from .errors import UsageError

PART = "v903_la"
COUNCILS = "v903_councils"   # (v903_la, la_code, la_ons): one row per council of the run
COUNCIL = "v903_council"     # the alias a pooled rule reads its council's LA codes through

# The councils a warehouse run knows: every current LA of the bundled codes, under its DfE 3-digit
# code and under its ONS code (whichever the pooled LA column holds). Reorganised councils' old
# rows (valid_to given) name no current ONS code, as --la resolves them.
COUNCILS_SQL = (
    "SELECT l.dfe_code AS v903_la, l.dfe_code AS la_code, l.ons_code AS la_ons FROM la_codes AS l "
    "WHERE l.valid_to IS NULL UNION ALL "
    "SELECT l.ons_code AS v903_la, l.dfe_code AS la_code, l.ons_code AS la_ons FROM la_codes AS l "
    "WHERE l.valid_to IS NULL")


def council_value(name: str) -> str:
    """What ``{{ la_code }}`` / ``{{ la_ons }}`` render as in a pooled rule: the council's own, per row."""
    return f"{COUNCIL}.{name}"


def council_relations(also=()) -> set[str]:
    """The relations holding council rows in pooled data: the staged 903 tables (and their _last
    copies) and the derived relations, plus the reference tables named in ``also`` (the test
    harness gives every case its own postcodes and providers)."""
    from .rules import known_relations
    from .tables import is_reference

    return {r for r in known_relations() if not is_reference(r)} | set(also)


def _col(alias: str) -> exp.Column:
    return exp.column(PART, table=alias)


def _source_of(node, partitioned: set[str]) -> str | None:
    """The alias a FROM / JOIN item is known by, when it holds council rows."""
    if isinstance(node, exp.Table):
        return node.alias_or_name if node.name.lower() in partitioned and not node.args.get("db") else None
    if isinstance(node, exp.Subquery):
        inner = node.this
        selects = [inner] if isinstance(inner, exp.Select) else list(inner.find_all(exp.Select)) \
            if isinstance(inner, exp.SetOperation) else []
        if any(_sources(s, partitioned) for s in selects if _enclosing(s) is node):
            return node.alias_or_name
    return None


def _items(select: exp.Select) -> list:
    frm = select.args.get("from_")
    return ([frm.this] if frm is not None else []) + [j.this for j in select.args.get("joins") or []]


def _sources(select: exp.Select, partitioned: set[str]) -> list[str]:
    return [a for a in (_source_of(i, partitioned) for i in _items(select)) if a]


def _enclosing(node) -> exp.Subquery | None:
    """The Subquery a select is the body of (through set operations), if any."""
    p = node.parent
    while isinstance(p, exp.SetOperation):
        p = p.parent
    return p if isinstance(p, exp.Subquery) else None


def _owner(node) -> exp.Select | None:
    """The nearest SELECT around ``node`` (not ``node`` itself)."""
    p = node.parent
    while p is not None and not isinstance(p, exp.Select):
        p = p.parent
    return p


def _role(select: exp.Select) -> str:
    """'rows' when the select's rows flow on as a relation (the root, a CTE body, a derived
    table, or a branch of one of those), 'sub' for a subquery inside an expression."""
    p = select.parent
    while isinstance(p, exp.SetOperation):
        p = p.parent
    if p is None or isinstance(p, exp.CTE):
        return "rows"
    if isinstance(p, exp.Subquery) and isinstance(p.parent, (exp.From, exp.Join)):
        return "rows"
    return "sub"


def _projects_part(select: exp.Select, sources: list[str]) -> bool:
    """The select already yields v903_la: by name, or through * / <source>.*."""
    for e in select.expressions:
        if e.alias_or_name.lower() == PART or isinstance(e, exp.Star):
            return True
        if isinstance(e, exp.Column) and isinstance(e.this, exp.Star) and e.table in sources:
            return True
    return False


def partition(tree: exp.Expression, relations: set[str] | None = None) -> exp.Expression:
    """``tree`` (a parsed rule or derived relation) rewritten to run within each council.
    ``relations``: the names that hold council rows (default: ``council_relations()``)."""
    if relations is None:
        relations = council_relations()
    tree = tree.copy()
    partitioned = _with_council_ctes(tree, {r.lower() for r in relations})
    selects = list(tree.find_all(exp.Select))
    plans = [(s, _sources(s, partitioned)) for s in selects]
    for select, sources in plans:
        if not sources:
            continue
        key = sources[0]
        for join in select.args.get("joins") or []:
            alias = _source_of(join.this, partitioned)
            if not alias or alias == key:
                continue
            match = exp.EQ(this=_col(alias), expression=_col(key))
            if join.args.get("using"):
                join.set("using", [*join.args["using"], exp.to_identifier(PART)])
            elif join.args.get("on") is not None:
                join.set("on", exp.and_(join.args["on"], match, copy=False))
            elif join.args.get("side"):
                raise UsageError(f"pooled data: an outer join without ON in {select.sql()[:80]}")
            else:  # a comma or CROSS join: the match goes to the WHERE
                select.where(match, copy=False)
        for w in select.find_all(exp.Window):
            if _owner(w) is select and not any(isinstance(p, exp.Column) and p.name == PART
                                               for p in w.args.get("partition_by") or []):
                w.set("partition_by", [_col(key), *(w.args.get("partition_by") or [])])
        group = select.args.get("group")
        role = _role(select)
        if group is not None:
            group.set("expressions", [_col(key), *group.expressions])
        elif role == "rows" and select.find(exp.AggFunc) is not None and \
                any(_owner(a) is select and not a.find_ancestor(exp.Window) for a in select.find_all(exp.AggFunc)):
            select.group_by(_col(key), copy=False)
        if role == "rows":
            if not _projects_part(select, sources):
                select.select(exp.alias_(_col(key), PART), copy=False)
        else:
            outer = _owner(select)
            outer_sources = next((s for o, s in plans if o is outer), []) if outer is not None else []
            if outer_sources:
                if outer_sources[0] in sources:
                    raise UsageError(f"pooled data: alias {outer_sources[0]!r} is used inside and around a subquery; "
                                     "rename the inner one")
                select.where(exp.EQ(this=_col(key), expression=_col(outer_sources[0])), copy=False)
    _join_councils(tree, dict((id(s), src) for s, src in plans))
    return tree


def _with_council_ctes(tree: exp.Expression, partitioned: set[str]) -> set[str]:
    """``partitioned`` plus the tree's CTEs over council rows, in order (a CTE may read an earlier
    one). A CTE over reference data only (rule 229's providers by LA) is every council's."""
    out = set(partitioned)
    for cte in tree.find_all(exp.CTE):
        body = cte.this
        selects = [body] if isinstance(body, exp.Select) else list(body.find_all(exp.Select))
        if any(_sources(s, out) for s in selects):
            out.add(cte.alias_or_name.lower())
    return out


def _join_councils(tree: exp.Expression, sources: dict[int, list[str]]) -> None:
    """Resolve ``v903_council.*`` (the council's LA codes) by joining v903_councils to the select
    reading them, or to the nearest select around it over council rows."""
    joined: set[int] = set()
    for col in list(tree.find_all(exp.Column)):
        if col.table.lower() != COUNCIL:
            continue
        select = _owner(col)
        # out of subqueries only: a CTE or derived table cannot see the query around it
        while select is not None and not sources.get(id(select)) and _role(select) == "sub":
            select = _owner(select)
        if select is None or not sources.get(id(select)):
            raise UsageError(f"pooled data: the council's LA is read where no council rows are ({col.sql()})")
        if id(select) not in joined:
            joined.add(id(select))
            on = exp.EQ(this=exp.column(PART, table=COUNCIL), expression=_col(sources[id(select)][0]))
            select.join(exp.alias_(exp.to_table(COUNCILS), COUNCIL, table=True), on=on, join_type="LEFT", copy=False)
        group = select.args.get("group")
        if group is not None and _owner(col) is select and not col.find_ancestor(exp.AggFunc) and \
                not any(g == col for g in group.expressions):  # one value per council: grouping by it groups nothing
            group.set("expressions", [*group.expressions, col.copy()])
