"""The proposed fixes in the reports: the workbook's "Fixes" sheet, each child's fixes in the HTML,
and the per-social-worker lists' ``fix`` column, so nobody is chased for a trailing space.

The fixes are the run's ``fixes`` table (validator903/fixes/propose.py), one change per cell as
``validator903 fix`` would write them; a run without it (``run --url``) has none to show.
"""
from __future__ import annotations

from html import escape

HEADINGS = ["child", "table", "row", "field", "old", "new", "rule", "confidence", "reason"]
WIDTHS = [12, 18, 7, 16, 16, 16, 10, 11, 70]
AUTOMATIC = "automatic (validator903 fix)"               # a certain fix: `fix` writes it
TO_CONFIRM = "suggested (confirm, then fix --apply all)"   # a person decides
NEEDS_YOU = "needs the social worker"


def fix_changes(data) -> list:
    """The run's changes (cached on the report data), certain first, then by table and row."""
    cached = getattr(data, "_fix_changes", None)
    if cached is not None:
        return cached
    from ..fixes.propose import changes

    have = data.conn.execute("SELECT COUNT(*) FROM duckdb_tables() WHERE schema_name = 'main' "
                             "AND table_name = 'fixes'").fetchone()[0]
    found = changes(data.conn)[0] if have else []
    found.sort(key=lambda c: (c.confidence != "certain", c.table, c.row, c.field))
    object.__setattr__(data, "_fix_changes", found)
    return found


def _old(c) -> str:
    return "(blank)" if c.old in (None, "") else c.old


def fix_marks(data) -> dict[tuple[str, str, int], str]:
    """(code, table, row) -> what happens to that error: fixed automatically or a suggestion, with
    the change (``SEX: m -> M``)."""
    marks: dict[tuple[str, str, int], list[str]] = {}
    for c in fix_changes(data):
        label = AUTOMATIC if c.confidence == "certain" else TO_CONFIRM
        for code in c.rules:
            marks.setdefault((code, c.table, c.row), []).append(f"{label} ({c.field}: {_old(c)} -> {c.new})")
    return {k: "; ".join(v) for k, v in marks.items()}


def write_fixes_sheet(wb, fmt, data, sheet_class) -> None:
    """The "Fixes" sheet: one row per proposed change (written only when there is one)."""
    items = fix_changes(data)
    if not items:
        return
    s = sheet_class(wb, "Fixes", fmt, data.report_warnings)
    s.header(HEADINGS, WIDTHS)
    for c in items:
        ws, r = s.next_row()
        for col, v in enumerate([c.child or "", c.table, c.row, c.field, c.old or "", c.new, ";".join(c.rules),
                                 c.confidence, c.reason]):
            if isinstance(v, int):
                ws.write_number(r, col, v)
            else:
                ws.write_string(r, col, v)
        s.row += 1
    s.finish()


def by_child(data) -> dict[str | None, list]:
    out: dict[str | None, list] = {}
    for c in fix_changes(data):
        out.setdefault(c.child, []).append(c)
    return out


def child_fixes_html(items: list) -> str:
    """A child's fixes in the HTML report: certain ones are what `fix` writes, suggested ones need a
    person's yes."""
    if not items:
        return ""
    rows = "".join(
        f'<tr><td>{escape(c.table)}</td><td class="num">{c.row}</td><td>{escape(c.field)}</td>'
        f'<td>{escape(_old(c))}</td><td>{escape(c.new)}</td><td>{escape(";".join(c.rules))}</td>'
        f'<td><span class="tag{" new" if c.confidence != "certain" else ""}">{escape(c.confidence)}</span></td>'
        f'<td>{escape(c.reason)}</td></tr>' for c in items)
    return ('<h4>Fixes (certain ones are written by <code>validator903 fix</code>; suggested ones with '
            '<code>--apply all</code>, after review)</h4><div class="rows"><table><thead><tr>'
            + "".join(f"<th>{h}</th>" for h in ("table", "row", "field", "old", "new", "rule", "confidence", "reason"))
            + f"</tr></thead><tbody>{rows}</tbody></table></div>")
