"""The deployed ``fixes`` view: the corrections validator903 fix would propose, read-only, for a
data team to turn into updates in the case management system (nothing is ever written to source).

One row per correction of a flagged row: ``code`` (the rule; ``rule`` is reserved on SQL Server),
``table_name``, ``row_no``, ``child``, ``natural_key`` (the errors view's key of the row), ``field``,
``old`` (as staged: a date's original text), ``new``, ``confidence`` (certain or suggested) and
``reason``. Each deployed rule with a fix contributes its errors-view branch (the same code,
row and natural key as ``errors``; bi.rule_branch) joined with its fix SELECT (fixes/spec.py), so
the view shows exactly the errors a fix applies to, and reading it computes only those rules. Unlike ``fix`` locally, two fixes of one cell are
both listed (a dashboard can see the disagreement); and fix's second round (a correction that
makes another visible) happens only after the source is corrected.
"""
from __future__ import annotations

from ..fixes.spec import parse_fixes

FIXES_VIEW = "fixes"
COLUMNS = ("code", "table_name", "row_no", "child", "natural_key", "field", "old", "new", "confidence", "reason")


def fixes_select(rules, pctx, staged: set[str], branch) -> str | None:
    """Portable SELECT of the view (``branch(rule)``: the rule's errors-view branch), or None when
    no deployed rule has a fix whose tables are mapped."""
    branches = []
    for rule in rules:
        for fix in parse_fixes(rule):
            if not set(fix.requires()) <= staged:
                continue
            branches.append(f"SELECT e.code, e.table_name, e.row_no, e.child, e.natural_key, x.field, x.old, x.new, "
                            f"x.confidence, x.reason FROM ({branch(rule)}) AS e JOIN ({fix.select(pctx)}) AS x "
                            f"ON x.table_name = e.table_name AND x.row_no = e.row_no")
    return "\nUNION ALL\n".join(branches) if branches else None
