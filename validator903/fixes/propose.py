"""Propose fixes over a finished run: the ``fixes`` table of the run's DuckDB.

Each fix's SELECT runs joined with its own rule's errors, so only flagged rows get a correction.
Two fixes of one cell (two rules flag the same SEX) that agree are one change crediting both
rules; when they disagree, a certain fix wins over a suggested one, and two of the same confidence
cancel (the cell is left for a person, and the console says so).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..dialects import save_cache
from ..engine import interrupted
from ..errors import first_line
from .spec import fixes_for

FIXES_DDL = ("CREATE OR REPLACE TABLE fixes (code VARCHAR, table_name VARCHAR, row_no BIGINT, child VARCHAR, "
             "field VARCHAR, old VARCHAR, new VARCHAR, confidence VARCHAR, reason VARCHAR)")


@dataclass
class Proposal:
    fixes: int = 0                       # rows of the fixes table
    failed: list[str] = field(default_factory=list)   # fix: why it could not run


def propose(run, rules) -> Proposal:
    """Fill ``fixes`` (code, table_name, row_no, child, field, old, new, confidence, reason) for the
    rules that ran and flagged something: one INSERT of a UNION ALL of every fix (each statement
    costs DuckDB a few milliseconds whatever it finds), and, if that fails, each fix alone, so a
    broken fix is reported and the others still run."""
    conn = run.conn
    conn.execute(FIXES_DDL)
    ran = {r.rule.code for r in run.results if r.status == "ran" and r.count}
    out = Proposal()
    selects = []
    for fix in fixes_for([r for r in rules if r.code in ran]):
        if any(t not in run.load.tables for t in fix.requires()):
            continue  # e.g. a carry-over from last year's return, not supplied
        try:
            selects.append((fix, _fixed_rows(fix, run.ctx)))
        except Exception as e:  # a template error: this fix alone fails
            out.failed.append(_failure(fix, e))
    try:
        if selects:
            conn.execute("INSERT INTO fixes " + "\nUNION ALL\n".join(sql for _, sql in selects))
    except Exception as e:
        if interrupted(e):
            raise KeyboardInterrupt from None
        for fix, sql in selects:
            try:
                conn.execute("INSERT INTO fixes " + sql)
            except Exception as e:
                out.failed.append(_failure(fix, e))
    out.fixes = conn.execute("SELECT COUNT(*) FROM fixes").fetchone()[0]
    save_cache()  # the fixes' SQL too: without it every run imported sqlglot to transpile them again
    return out


def _fixed_rows(fix, ctx) -> str:
    """The fix's corrections of the rows its own rule flagged (DISTINCT: a cell once per fix)."""
    code = fix.code.replace("'", "''")
    return (f"SELECT DISTINCT e.code, f.table_name, f.row_no, e.child, f.field, f.old, f.new, "
            f"f.confidence, f.reason FROM ({fix.sql(ctx)}) AS f JOIN errors AS e ON e.code = '{code}' "
            f"AND e.table_name = f.table_name AND e.row_no = f.row_no")


def _failure(fix, e: Exception) -> str:
    """The fix's failure in one line; Ctrl+C stops the run instead (it is no fix's failure)."""
    if interrupted(e):
        raise KeyboardInterrupt from None
    return f"{fix.where}: {first_line(e)}"


@dataclass(frozen=True)
class Change:
    child: str | None
    table: str
    row: int
    field: str
    old: str | None
    new: str
    rules: tuple[str, ...]
    confidence: str
    reason: str


def changes(conn) -> tuple[list[Change], list[str]]:
    """One change per cell from the ``fixes`` table, and the cells left alone because fixes disagree."""
    from ..rules import code_sort_key

    rows = conn.execute("SELECT code, table_name, row_no, child, field, old, new, confidence, reason FROM fixes "
                        "ORDER BY table_name, row_no, field, code").fetchall()  # conflicts in a stable order
    cells: dict[tuple, list] = {}
    for r in rows:
        cells.setdefault((r[1], r[2], r[4]), []).append(r)
    out, conflicts = [], []
    for (table, row, fld), props in cells.items():
        best = min(p[7] == "suggested" for p in props)           # certain first
        props = [p for p in props if (p[7] == "suggested") == best]
        values = sorted({p[6] for p in props})
        if len(values) > 1:
            conflicts.append(f"{table} row {row} {fld}: rules {', '.join(sorted({p[0] for p in props}, key=code_sort_key))} "
                             f"propose {' or '.join(values)}; left for a person")
            continue
        props.sort(key=lambda p: code_sort_key(p[0]))
        p = props[0]
        out.append(Change(p[3], table, row, fld, p[5], p[6], tuple(q[0] for q in props), p[7], p[8]))
    out.sort(key=lambda c: (c.table, c.row, c.field))
    return out, conflicts
