"""``validator903 fix``: validate, propose the corrections, write corrected copies of the CSVs and
changes.csv into OUT (replaced whole or not at all), then validate the corrected copy.

The inputs are never written: OUT may not be an input folder (outputs.Target refuses it), and
the corrected files are built beside OUT and swapped in at the end. An XML return is refused with
one line: fix rewrites CSVs cell by cell, and re-serialising the XML would change every byte.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..context import RuleContext
from ..errors import UsageError
from .propose import Change, changes, propose

CHANGES_COLUMNS = ("child", "table", "row", "field", "old", "new", "rule", "confidence", "reason")
APPLY = ("certain", "all")


@dataclass
class FixResult:
    errors_before: int
    changes: list[Change]
    applied: list[Change]
    conflicts: list[str]
    failed: list[str]
    errors_after: int | None = None            # validating the corrected copy (None with --dry-run)
    new_errors: list[tuple] = field(default_factory=list)   # (code, table, row) not raised before
    written: list[Path] = field(default_factory=list)
    after: set = field(default_factory=set)    # (code, table, row) raised by the corrected copy

    @property
    def certain(self) -> int:
        return sum(c.confidence == "certain" for c in self.changes)

    @property
    def suggested(self) -> int:
        return sum(c.confidence == "suggested" for c in self.changes)


def _validate(ctx, rules, paths, previous):
    """A run of the rules over files, in memory; the connection is the caller's to close."""
    from .. import engine

    conn = engine.open_db(None)
    run = engine.prepare(conn, ctx, paths, previous)
    engine.run_rules(run, rules)
    return run


def _return_tables(run):
    """This year's 903 tables as loaded from the user's files: not last year's, and not reference
    data (la_codes is bundled; postcode and provider files are read, never corrected)."""
    from ..tables import is_reference

    return [(n, t) for n, t in run.load.tables.items() if not n.endswith("_last") and not is_reference(n)]


def _refuse_xml(run) -> None:
    xml = sorted({str(t.source) for t in run.load.tables.values()
                  if not t.name.endswith("_last") and t.source.suffix.lower() == ".xml"})
    if xml:
        raise UsageError(f"{xml[0]}: fix rewrites CSV files cell by cell and does not rewrite an XML return; "
                         "give the 903 CSVs (or run validate on the XML and correct it at source)")


def changes_csv(items: list[Change]) -> str:
    from ..reports.csv_report import safe_rows

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CHANGES_COLUMNS)
    w.writerows(safe_rows([c.child or "", c.table, c.row, c.field, c.old if c.old is not None else "", c.new,
                           ";".join(c.rules), c.confidence, c.reason] for c in items))
    return buf.getvalue()


def corrected_files(run, applied: list[Change]) -> tuple[dict[str, bytes], dict[tuple[str, int, str], str]]:
    """File name -> corrected bytes for every current-year CSV, and each change's old text as
    written in the file."""
    from .csv_edit import edit

    by_table: dict[str, dict[tuple[int, int], str]] = {}
    for c in applied:
        f = run.load.tables[c.table].file
        by_table.setdefault(c.table, {})[(c.row, f.positions[c.field])] = c.new
    out, olds, names = {}, {}, {}
    for name, t in sorted(_return_tables(run)):
        f = t.file
        if f.path.name in names:
            raise UsageError(f"{f.path}: two input files are named {f.path.name} ({names[f.path.name]}); "
                             "fix writes the corrected copies under the same names: give one folder")
        names[f.path.name] = f.path
        edits = by_table.get(name, {})
        # the original file, not a re-encoded copy: its bytes are what is kept
        data, old = edit(f.path, f.delimiter, f.skip, edits, t.rows) if edits else (f.path.read_bytes(), {})
        out[f.path.name] = data
        col_field = {i: c for c, i in f.positions.items()}
        for (row, col), text in old.items():
            olds[(name, row, col_field[col])] = text
    return out, olds


MAX_ROUNDS = 3   # a correction can make another one visible (header SEX 1 -> M, then UASC's SEX)


def run_fix(ctx: RuleContext, rules, paths: list[Path], previous: list[Path] | None, output: Path,
            apply: str = "certain", dry_run: bool = False) -> FixResult:
    """Validate, correct, validate the corrected copy; repeat while the corrected copy has new
    corrections to apply (at most MAX_ROUNDS), so changes.csv holds every change from the original
    files to OUT's, each once, with the text it had in the original file."""
    from ..outputs import Target

    if apply not in APPLY:
        raise UsageError(f"--apply {apply!r}: choose certain or all")
    chosen = lambda c: apply == "all" or c.confidence == "certain"
    listed: dict[tuple, Change] = {}          # (table, row, field) -> change, in the order found
    result = None
    now = set()
    target = None
    current = list(paths)
    try:
        for round_no in range(MAX_ROUNDS + 1):
            run = _validate(ctx, rules, current, previous)
            try:
                now = set(run.conn.execute("SELECT code, table_name, row_no FROM errors").fetchall())
                if round_no == 0:
                    _refuse_xml(run)
                    errors_before = now
                    input_names = {t.file.path.name for n, t in _return_tables(run)}
                    result = FixResult(run.flagged, [], [], [], [])
                if round_no == MAX_ROUNDS:
                    break
                proposal = propose(run, rules)
                found, conflicts = changes(run.conn)
                found = [c for c in found if (c.table, c.row, c.field) not in listed]
                if round_no == 0:
                    result.failed, result.conflicts = proposal.failed, conflicts
                applied = [c for c in found if chosen(c)] if not dry_run else []
                if round_no == 0 or applied:
                    for c in (found if round_no == 0 else applied):
                        listed[(c.table, c.row, c.field)] = c
                if not applied:
                    break
                files, olds = corrected_files(run, applied)
                for c in applied:   # the cell as written in the file (spaces and all), not as staged
                    key = (c.table, c.row, c.field)
                    listed[key] = Change(c.child, c.table, c.row, c.field, olds.get(key, c.old), c.new, c.rules,
                                         c.confidence, c.reason)
            finally:
                run.conn.close()
            if target is None:
                names = set(files) | input_names | {"changes.csv"}  # an earlier run's copies are ours too
                target = Target("--output", output, lambda _f: names, list(paths) + list(previous or []))
                target.open()
            for name, data in files.items():
                (target.tmp / name).write_bytes(data)
            current = [target.tmp / n for n in sorted(files)]
        result.errors_before = len(errors_before)
        result.changes = list(listed.values())
        result.applied = [c for c in result.changes if chosen(c)] if not dry_run and target is not None else []
        if target is None:  # nothing applied (or a dry run): OUT gets changes.csv and unchanged copies
            files = {} if dry_run else _copies(paths, previous, ctx, rules)
            names = set(files) | input_names | {"changes.csv"}
            target = Target("--output", output, lambda _f: names, list(paths) + list(previous or []))
            target.open()
            for name, data in files.items():
                (target.tmp / name).write_bytes(data)
        if not dry_run:
            result.errors_after = len(now)
            result.new_errors = sorted(now - errors_before)
            result.after = now
        (target.tmp / "changes.csv").write_text(changes_csv(result.changes), encoding="utf-8", newline="")
        written = sorted(target.tmp.iterdir(), key=lambda p: (p.name != "changes.csv", p.name))
        target.commit()
        result.written = [target.tmp_to_final(p) for p in written]
    finally:
        if target is not None:
            target.release()
    return result


def _copies(paths, previous, ctx, rules) -> dict[str, bytes]:
    """Unchanged copies of the current-year CSVs (nothing to correct: OUT is still a whole return)."""
    from .. import engine

    conn = engine.open_db(None)
    try:
        run = engine.prepare(conn, ctx, paths, previous)
        return corrected_files(run, [])[0]
    finally:
        conn.close()
