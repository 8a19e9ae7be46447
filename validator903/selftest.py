"""`validator903 selftest --dialect D`: one script a council DBA runs on the server that will hold
the views, to know whether validator903 gives the right answers there (SQL Server and Oracle
cannot run in our CI). Every statement returns lines of one column, each reading ``ok …`` or
``FAIL …``:

- the server's version and the settings the SQL depends on (the dialect table's ``probes``:
  compatibility level, collation, NLS comparison semantics …);
- every portable helper on its edge cases (``helper_cases.yml``);
- every rule case (``tests/rule_cases``): the case's rows are inline data, staged exactly as a
  deployment stages the council's tables, the rule runs on them, and the flagged rows are
  compared with the case's expectation (FAIL says what was expected and how many rows were
  missing or extra). No table is created: the script needs only SELECT.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .dialects import generate, parse, spec, transpile

HELPER_CASES = Path(__file__).resolve().parent / "helper_cases.yml"


def _literal(want) -> str:
    if isinstance(want, bool):
        return "1" if want else "0"
    if isinstance(want, date):
        return f"ssda_date('{want.isoformat()}')"
    if isinstance(want, (int, float)):
        return str(want)
    return "'" + str(want).replace("'", "''") + "'"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _one_line(text: str) -> str:
    """A case's expression as the label shows it: its line breaks and tabs written as \\n, \\r, \\t,
    so every verdict stays one line of the script's output."""
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def helper_checks(dialect: str) -> list[str]:
    """One SELECT per helper case. A case may state what an engine does differently, and why
    (``tsql: {want: ..., why: ...}``): SQL Server's '=' and LIKE ignore trailing spaces, which no
    rule meets because staging trims every code."""
    eng = spec(dialect)
    rows = []
    for i, case in enumerate(yaml.safe_load(HELPER_CASES.read_text(encoding="utf-8")), start=1):
        expr, want, why = case["expr"], case["want"], ""
        if eng.kind in case:
            want, why = case[eng.kind]["want"], f" ({eng.kind}: {case[eng.kind]['why']})"
        got = f"CASE WHEN {expr} THEN 1 ELSE 0 END" if isinstance(want, bool) else expr
        cond = f"({got}) IS NULL" if want is None else f"({got}) = {_literal(want)}"
        label = f"helper {i}: {_one_line(expr)}{why}"
        verdict = f"CASE WHEN {cond} THEN {_quote('ok ' + label)} ELSE {_quote('FAIL ' + label + f' (want {want})')} END"
        rows.append(transpile(f"SELECT {verdict} AS verdict", dialect) + eng.engine.from_dual)
    return rows


def check_rows(dialect: str) -> list[str]:  # (the name older scripts and tests know)
    return helper_checks(dialect)


# The DfE catalogue's cases, in a source checkout (a wheel does not ship tests/)
CATALOGUE_CASES = Path(__file__).resolve().parent.parent / "tests" / "rule_cases"


def default_cases(packs=()) -> list:
    """The catalogue's cases (where present) and every given pack's."""
    from .testing import load_cases

    cases = load_cases(CATALOGUE_CASES) if CATALOGUE_CASES.is_dir() else []
    for folder in packs:
        cases += load_cases(Path(folder), recursive=True)
    return cases


def case_checks(dialect: str, cases=None) -> list[str]:
    """One SELECT per rule case, in ``dialect`` (see the module docstring)."""
    return [case_sql(c, dialect) for c in (cases if cases is not None else default_cases())]


def case_sql(case, dialect: str) -> str:
    from sqlglot import exp

    from .derived import buildable
    from .tables import all_table_names, spec_for
    from .testing import child_of, with_bundled
    from .warehouse.mapping import ColumnSource, default_mapping
    from .warehouse.source import staged_select

    eng = spec(dialect)
    text = exp.DataType.build(eng.engine.text(4000), dialect=eng.sqlglot_name)
    dual = eng.engine.from_dual.split()[-1] if eng.engine.from_dual else None
    null_text = lambda: exp.Cast(this=exp.Null(), to=text.copy())

    null_int = lambda: exp.Cast(this=exp.Null(), to=exp.DataType.build("INTEGER"))

    def rows_select(columns: list[str], rows: list[dict], numbers: tuple[str, ...] = ()) -> exp.Expression:
        def one(i, r):
            values = [exp.alias_(exp.Literal.number(i), "row_no", copy=False)]
            for c in columns:
                v = r.get(c)
                if c in numbers:
                    node = null_int() if v is None else exp.Literal.number(int(v))
                else:
                    node = null_text() if v is None else exp.Literal.string(str(v))
                values.append(exp.alias_(node, c, copy=False))
            sel = exp.Select(expressions=values)
            return sel.from_(dual, copy=False) if dual else sel
        if not rows:  # an empty file: the columns, no row
            return one(0, {}).where(exp.EQ(this=exp.Literal.number(1), expression=exp.Literal.number(0)))
        selects = [one(i, r) for i, r in enumerate(rows, start=1)]
        tree = selects[0]
        for s in selects[1:]:
            tree = exp.union(tree, s, distinct=False, copy=False)
        return tree

    tables = with_bundled(case.tables, case.rule().requires())
    mapping = default_mapping(None, omit=set(all_table_names()) - set(tables), references=True)
    ctes = []
    for table, rows in tables.items():
        cols = list(spec_for(table).columns)
        if any("UASC" in r for r in rows):  # given, as an XML return would: not derived
            cols.append("UASC")
            mapping.tables[table].columns["UASC"] = ColumnSource(expr="UASC")
        source = f"v903r_{table}"
        mapping.tables[table].relation = (source,)
        mapping.tables[table].quoted = False
        mapping.tables[table].row_no = "row_no"
        ctes.append((source, rows_select(cols, rows)))
    # staged under the canonical names, then the derived relations over them, as a deployment
    # creates its views: the rule's SQL reads them unchanged
    for table in tables:
        ctes.append((table, staged_select(mapping, table, dialect)))
    for d in buildable(tables):
        ctes.append((d.name, parse(d.render(case.context()))[0]))

    rule = parse(case.rule().render(case.context()))[0]
    own = rule.args.get("with_")
    rule.set("with_", None)
    for c in (own.expressions if own else []):
        ctes.append((c.alias_or_name, c.this))
    ctes.append(("v903_got", rule))

    want = sorted(case.expect)
    want_rows = [{"table_name": t, "wrow": r,
                  "wchild": child_of(case, t, r) if r <= len(case.tables.get(t, ())) else None} for t, r in want]
    want_sel = rows_select(["table_name", "wrow", "wchild"], want_rows, numbers=("wrow",))
    ctes.append(("v903_want", want_sel))

    expected = ", ".join(f"{t} {r}" for t, r in want) or "nothing"
    label = f"case {case.id}"
    verdict = parse(
        "SELECT CASE WHEN m.missing = 0 AND m.extra = 0 THEN " + _quote(f"ok {label}")
        + " ELSE " + _quote(f"FAIL {label}: expected {expected}; got ") + " || ssda_int_text(m.got) || ' row(s), '"
        " || ssda_int_text(m.missing) || ' missing, ' || ssda_int_text(m.extra) || ' extra' END AS verdict "
        "FROM (SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT g.table_name, g.row_no, g.child FROM v903_got g) d) AS got, "
        "(SELECT COUNT(*) FROM v903_want w WHERE NOT EXISTS (SELECT 1 FROM v903_got g WHERE g.table_name = w.table_name "
        "AND g.row_no = w.wrow AND (g.child = w.wchild OR (g.child IS NULL AND w.wchild IS NULL)))) AS missing, "
        "(SELECT COUNT(*) FROM (SELECT DISTINCT g.table_name, g.row_no, g.child FROM v903_got g) g WHERE NOT EXISTS "
        "(SELECT 1 FROM v903_want w WHERE g.table_name = w.table_name AND g.row_no = w.wrow "
        "AND (g.child = w.wchild OR (g.child IS NULL AND w.wchild IS NULL)))) AS extra"
        + (f" FROM {dual}" if dual else "") + ") m")[0]
    verdict.set("with_", exp.With(expressions=[
        exp.CTE(this=body, alias=exp.TableAlias(this=exp.to_identifier(name))) for name, body in ctes]))
    return generate(verdict, dialect)


def selftest_script(dialect: str, cases=None, packs=()) -> str:
    """The script; ``packs``: rule-pack folders whose cases run too (their rules must be in use)."""
    if cases is None and not packs:
        return _default_script(dialect)
    return _script(dialect, cases if cases is not None else default_cases(packs))


@lru_cache(maxsize=None)
def _default_script(dialect: str) -> str:
    return _script(dialect, None)


def _script(dialect: str, cases) -> str:
    eng = spec(dialect).engine
    sep = eng.batch_end
    head = (f"-- validator903 selftest for {dialect}.\n"
            "-- Run this whole script on the server that will hold the views (it only reads). Every line\n"
            "-- of output reads 'ok ...' or 'FAIL ...': the server settings the SQL depends on, each\n"
            "-- portable helper, then every rule case (its rows inline, staged as a deployment stages\n"
            "-- your tables, the rule run on them). A FAIL means this server would give a different\n"
            "-- answer: send the line to the project. Rules never rely on implicit text-to-date\n"
            "-- conversion, so the language and date-format settings do not matter.\n")
    body = [*eng.probes, *helper_checks(dialect), *case_checks(dialect, cases)]
    return head + sep.join(body) + sep
