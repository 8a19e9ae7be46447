"""Lint rule sources against the portable subset (banned list from research/sql_dialects.md) and
the catalogue's shape.

Rules are written in a restricted DuckDB SQL plus the ``ssda_*`` helpers. Everything that the
study found sqlglot transpiles wrongly for SQL Server or Oracle is refused here, at the source,
with a message saying what to write instead. The shape: a rule's ``tables:`` are exactly the
relations its SQL reads; no year conditionals in a template (a year's change is a
``<CODE>@YYYY-YY.sql`` or a code-list change); no code list written out that ``codes()`` gives.
The derived relations are held to the same subset. Runs in the test suite and as
``validator903 lint``.
"""
from __future__ import annotations

import re

import jinja2
from jinja2 import nodes
from sqlglot import exp

from .context import CollectionYear, RuleContext
from .dialects import helper_names, parse
from .errors import UsageError
from .rules import Rule, all_rules

# expression type -> what to write instead
BANNED: dict[type, str] = {
    exp.Interval: "INTERVAL arithmetic; use ssda_add_days/ssda_add_months/ssda_add_years",
    exp.DateAdd: "DATE_ADD; use ssda_add_days/ssda_add_months",
    exp.DateSub: "DATE_SUB; use ssda_add_days with a negative count",
    exp.DateDiff: "DATE_DIFF; use ssda_days_between or ssda_age_at",
    exp.StrToTime: "STRPTIME; dates are parsed once in staging",
    exp.StrToDate: "date parsing; dates are parsed once in staging",
    exp.TryCast: "TRY_CAST; use typed staging columns or ssda_is_integer_text",
    exp.Year: "YEAR(); use EXTRACT(YEAR FROM d)",
    exp.Month: "MONTH(); use EXTRACT(MONTH FROM d)",
    exp.Day: "DAY(); use EXTRACT(DAY FROM d)",
    exp.Qualify: "QUALIFY; filter a ROW_NUMBER() column in an outer query",
    exp.Filter: "aggregate FILTER; use SUM(CASE WHEN ... THEN 1 ELSE 0 END)",
    exp.ILike: "ILIKE; codes are compared case-sensitively",
    exp.SimilarTo: "SIMILAR TO; use a shape helper",
    exp.RegexpLike: "regex; use a shape helper (ssda_is_upn_shape, ssda_is_digits)",
    exp.RegexpExtract: "regex; use a shape helper",
    exp.RegexpReplace: "regex; use a shape helper",
    exp.Concat: "concatenation (NULL rules differ on Oracle); messages come from metadata",
    exp.DPipe: "|| concatenation (NULL rules differ on Oracle)",
    exp.Length: "LENGTH; use ssda_len (T-SQL LEN ignores trailing spaces)",
    exp.Greatest: "GREATEST (SQL Server 2022+ only; NULL rules differ on Oracle); use CASE",
    exp.Least: "LEAST (SQL Server 2022+ only; NULL rules differ on Oracle); use CASE",
    exp.NullSafeEQ: "IS NOT DISTINCT FROM (not in SQL Server before 2022 nor Oracle)",
    exp.NullSafeNEQ: "IS DISTINCT FROM (not in SQL Server before 2022 nor Oracle)",
    exp.GroupConcat: "STRING_AGG/LISTAGG",
    exp.ArrayAgg: "array aggregates",
    exp.LogicalOr: "BOOL_OR; use MAX(CASE WHEN ... THEN 1 ELSE 0 END)",
    exp.LogicalAnd: "BOOL_AND; use MIN(CASE WHEN ... THEN 1 ELSE 0 END)",
    exp.Boolean: "TRUE/FALSE literals (no boolean type in SQL Server or Oracle < 23ai)",
    exp.Trim: "TRIM; staging already trims codes (use ssda_trim on raw text)",
    exp.Limit: "LIMIT",
}

ALLOWED_FUNCTIONS = {
    exp.Count, exp.Sum, exp.Min, exp.Max, exp.Coalesce, exp.Nullif, exp.Substring, exp.Upper,
    exp.RowNumber, exp.Lag, exp.Lead, exp.Extract, exp.Abs, exp.Case, exp.Cast, exp.Anonymous,
    exp.First, exp.Last, exp.FirstValue, exp.LastValue, exp.Rank, exp.DenseRank, exp.Avg,
    exp.Exists, exp.Round, exp.Floor, exp.If,  # If: the WHEN branches of a CASE
}

# a fix also rewrites text: REPLACE is the same on every engine (and on SQL Server binary under the
# staged columns' collation); CONCAT, which rules may not use (Oracle reads a NULL part as ''), builds
# a fix's value from parts of a value that is there (a fix proposes nothing for a blank)
FIX_FUNCTIONS = {getattr(exp, "Replace", exp.Anonymous), exp.Concat}
STAGING_ONLY = {"ssda_parse_date", "ssda_trim", "ssda_staged_text", "ssda_format_date"}
_CTE_NAME = "r{code}_"
RESULT_COLUMNS = ["table_name", "row_no", "child"]


def _cte_prefix(code: str) -> str:
    return _CTE_NAME.format(code=re.sub(r"[^a-z0-9]", "", code.lower()))


def relations_read(tree: exp.Expression) -> set[str]:
    """The tables a query reads, its own CTEs excepted."""
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    return {t.name.lower() for t in tree.find_all(exp.Table) if t.name.lower() not in ctes}


def _year_conditionals(template: str) -> list[str]:
    """``{% if %}`` tests that read the year: the versioning scheme puts such logic in its own file."""
    context_vars = {"year", "collection_start", "collection_end", "previous_start", "previous_end"}
    try:
        tree = jinja2.Environment().parse(template)
    except jinja2.TemplateSyntaxError as e:
        return [f"template does not parse: {e}"]
    found = []
    for node in tree.find_all((nodes.If, nodes.CondExpr)):
        names = {n.name for n in node.test.find_all(nodes.Name)}
        if names & context_vars:
            found.append(f"year conditional on {', '.join(sorted(names & context_vars))}: logic that changes in a "
                         "year goes in <CODE>@YYYY-YY.sql, a code-list change in rules_sql/codes/")
    return found


def _written_code_lists(tree: exp.Expression, year: CollectionYear) -> list[str]:
    """An IN list of text literals that is exactly a field's code list for the year: ask codes()."""
    from .codes import code_lists

    found = []
    for node in tree.find_all(exp.In):
        if not node.expressions or not all(_is_text(e) for e in node.expressions):
            continue
        listed = {e.this for e in node.expressions}
        column = node.this.name.upper() if isinstance(node.this, exp.Column) else None
        cl = code_lists().get(column)
        if cl is not None and listed == set(cl.valid(year)):
            found.append(f"IN {sorted(listed)} is the {column} list of {year}: write {{{{ codes('{column}') }}}}")
    return found


def _dates_inside_aggregates(deployed_sql: str) -> list[str]:
    """Deployed views read the collection dates as a scalar subquery of v903_parameters; SQL Server
    refuses a subquery inside an aggregate (Msg 130), so such a view would not deploy there."""
    found = []
    for agg in parse(deployed_sql)[0].find_all(exp.AggFunc):
        if any(True for _ in agg.find_all(exp.Subquery, exp.Select)):
            found.append(f"{agg.sql('duckdb')[:50]!r}: a collection date (or subquery) inside an aggregate; "
                         "compute it as a column in a CTE first (SQL Server refuses subqueries in aggregates)")
    return found


def _is_text(node) -> bool:
    return isinstance(node, exp.Literal) and node.is_string


def lint_sql(code: str, sql: str, derived: bool = False, result: list[str] | None = None,
             staging_helpers: bool = False) -> list[str]:
    """Findings for one rendered (portable) rule query, or (``derived``) a derived relation's. A fix's
    SELECT (validator903/fixes) has its own ``result`` columns and may use the staging helpers
    (``staging_helpers``: a fix writes text as a CSV holds it, and reads dates from ``<col>_raw``)."""
    found: list[str] = []
    try:
        statements = parse(sql)
    except Exception as e:
        return [f"does not parse: {str(e).splitlines()[0]}"]
    if len(statements) != 1 or not isinstance(statements[0], (exp.Select, exp.Union)):
        return ["must be exactly one SELECT (CTEs allowed)"]
    tree = statements[0]
    helpers = helper_names()
    for node in tree.walk():
        kind = type(node)
        if kind in BANNED and not (staging_helpers and kind in FIX_FUNCTIONS):
            found.append(f"{node.sql('duckdb')[:60]!r}: {BANNED[kind]}")
        elif isinstance(node, exp.Cast):
            to = node.to.this
            if to not in (exp.DataType.Type.INT, exp.DataType.Type.BIGINT):
                found.append(f"{node.sql('duckdb')[:60]!r}: only CAST(... AS INTEGER); dates come typed "
                             "from staging, literals from ssda_date('yyyy-mm-dd')")
        elif isinstance(node, exp.Anonymous):
            if node.name.lower() in STAGING_ONLY and not staging_helpers:
                found.append(f"{node.name}(): staging already parsed and trimmed; use the typed "
                             "column, or <col>_raw to inspect the original text")
            elif node.name.lower() not in helpers:
                found.append(f"unknown function {node.name}(); the portable vocabulary is "
                             + ", ".join(sorted(helpers)))
        elif isinstance(node, exp.Func) and kind not in ALLOWED_FUNCTIONS and not (staging_helpers and kind in FIX_FUNCTIONS) \
                and not isinstance(node, (exp.Window, exp.Binary, exp.Predicate, exp.Not)):
            found.append(f"function {node.sql('duckdb')[:40]!r} is not on the portable allow-list")
        elif isinstance(node, exp.Identifier) and node.quoted:
            found.append(f"quoted identifier {node.sql('duckdb')}: write names unquoted")
        elif isinstance(node, exp.Literal) and node.is_string and node.this == "" \
                and not (staging_helpers and isinstance(node.parent, getattr(exp, "Replace", exp.Anonymous))
                         and node.arg_key == "replacement"):  # REPLACE(x, ' ', ''): on Oracle '' is NULL, which removes too
            found.append("'' literal: blanks are NULL after staging (and '' is NULL on Oracle)")
        elif isinstance(node, (exp.Star, exp.Column)) and isinstance(node.parent, exp.Select) and not derived \
                and (isinstance(node, exp.Star) or isinstance(node.this, exp.Star)):
            found.append("SELECT *: name the columns")
        elif isinstance(node, exp.CTE) and derived:
            found.append("WITH in a derived relation: nest subqueries (read-only runs inline it as a CTE, "
                         "and SQL Server allows no CTE inside a CTE)")
        elif isinstance(node, exp.CTE):
            if not node.alias_or_name.lower().startswith(_cte_prefix(code)):
                found.append(f"CTE {node.alias_or_name}: name it {_cte_prefix(code)}... so that rules can be "
                             "combined without clashes on SQL Server")
        elif isinstance(node, exp.Select):
            for proj in node.expressions:
                inner = proj.this if isinstance(proj, exp.Alias) else proj
                if isinstance(inner, (exp.Predicate, exp.Connector, exp.Not)):
                    found.append(f"predicate in SELECT list ({proj.sql('duckdb')[:40]!r}): "
                                 "use CASE WHEN ... THEN 1 ELSE 0 END")
    if tree.args.get("order"):
        found.append("ORDER BY in a rule: the error relation is ordered once, at output")
    if derived:
        return found
    names = [p.alias_or_name.lower() for p in tree.selects]
    if names != (result or RESULT_COLUMNS):
        found.append(f"result columns are {names}; a {'fix' if result else 'rule'} returns exactly "
                     f"{result or RESULT_COLUMNS}")
    return found


def lint_rule(rule: Rule) -> list[str]:
    findings: list[str] = [f"{rule.path.name}: {f}" for f in _year_conditionals(rule.template)]
    for year in rule.years:
        y = CollectionYear.parse(year)
        try:
            sql = rule.render(RuleContext(y, "999"))
            # the same template with codes() left unexpanded: what the author wrote out themselves
            written = rule.render(RuleContext(y, "999"), codes=lambda name, group=None: "('<codes()>')")
        except UsageError as e:
            findings.append(f"{rule.path.name} ({year}): {e}")
            continue
        shape = []
        try:
            tree = parse(sql)[0]
            read, listed = relations_read(tree), set(rule.tables) - set(rule.needs)
            if read != listed:
                shape.append(f"tables: lists {sorted(listed)} but the SQL reads {sorted(read)}; list exactly "
                             "what it reads, and under needs: a table that must be present although it is not read")
            shape += _written_code_lists(parse(written)[0], y)
            shape += _dates_inside_aggregates(rule.render(RuleContext(y, "999", params_table="v903_parameters")))
        except Exception:
            pass  # lint_sql reports what does not parse
        for f in lint_sql(rule.code, sql) + shape:
            line = f"{rule.path.name} ({year}): {f}"
            if line not in findings:
                findings.append(line)
    # one report per finding, not one per year it recurs in
    seen, unique = set(), []
    for f in findings:
        key = f.split(": ", 1)[1] if ": " in f else f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def lint_derived() -> list[str]:
    from .derived import derived_relations

    findings = []
    for d in derived_relations():
        sql = d.render(RuleContext(CollectionYear.parse("2025/26"), "999"))
        findings += [f"derived/{d.path.name} ({d.name}): {f}" for f in lint_sql(d.name, sql, derived=True)]
        deployed = d.render(RuleContext(CollectionYear.parse("2025/26"), "999", params_table="v903_parameters"))
        findings += [f"derived/{d.path.name} ({d.name}): {f}" for f in _dates_inside_aggregates(deployed)]
        read = relations_read(parse(sql)[0])
        if read != set(d.reads):
            findings.append(f"derived/{d.path.name} ({d.name}): reads lists {sorted(d.reads)} but the SQL reads "
                            f"{sorted(read)}")
    return findings


def lint_fixes(rules=None) -> list[str]:
    """Each fix's SELECT, in every year its rule has: the portable subset, its result columns, and
    ``tables:`` exactly what it reads."""
    from .fixes.spec import RESULT_COLUMNS as FIX_COLUMNS, parse_fixes

    findings = []
    for rule in rules if rules is not None else all_rules():
        for fix in parse_fixes(rule):
            for year in rule.years:
                try:
                    sql = fix.render(RuleContext(CollectionYear.parse(year), "999"))
                except UsageError as e:
                    findings.append(f"{fix.where} ({year}): {e}")
                    continue
                found = lint_sql(rule.code, sql, result=FIX_COLUMNS, staging_helpers=True)
                try:
                    read = relations_read(parse(sql)[0])
                    if read != set(fix.tables):
                        found.append(f"tables: lists {sorted(fix.tables)} but the SQL reads {sorted(read)}")
                except Exception:
                    pass
                findings += [f"{fix.where} ({year}): {f}" for f in found if f"{fix.where} ({year}): {f}" not in findings]
    return findings


def lint_all() -> list[str]:
    return [f for rule in all_rules() for f in lint_rule(rule)] + lint_derived() + lint_fixes()
