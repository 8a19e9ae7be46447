"""The terminal: a progress bar while the rules run, then the summary — rows loaded, rules
ran/skipped/failed, the top rules by rows flagged with their messages (and new/fixed counts when
compared with an earlier run)."""
from __future__ import annotations

from contextlib import contextmanager

from .data import ReportData


@contextmanager
def rule_progress(console, total: int, disable: bool = False):
    """Yields a callback for engine.run_rules that advances a bar naming the rule just run."""
    if disable:  # -q: no bar, and no import of rich.progress (13 ms) to draw none
        yield lambda result: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]Running rules[/bold]"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rule]}"), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("rules", total=total, rule="")

        def on_rule(result) -> None:
            flagged = f" ({result.count} flagged)" if result.count else ""
            progress.update(task, advance=1, rule=f"{result.rule.code}{flagged}")
        yield on_rule


def print_summary(data: ReportData, console, top: int = 10) -> None:
    from rich.table import Table

    f = data.figures()
    rules = data.rules()
    loaded = ", ".join(f"{t} {n}" for t, n in sorted(f["table_rows"].items()))
    console.print(f"[bold]{data.year}[/bold] rows loaded: {loaded}")
    console.print(f"Rules: {f['rules_ran']} ran, {f['rules_skipped']} skipped, {f['rules_failed']} failed; "
                  f"[bold]{f['rows_flagged']}[/bold] rows flagged in {f['children_flagged']} children")
    compared = data.compared_with is not None
    hits = sorted((r for r in rules if r["count"]), key=lambda r: (-r["count"], r["code"]))[:top]
    if hits:
        t = Table(title=f"Top {len(hits)} rules by rows flagged")
        t.add_column("code")
        t.add_column("rows", justify="right")
        t.add_column("children", justify="right")
        if compared:
            t.add_column("new", justify="right")
        t.add_column("message")
        for r in hits:
            t.add_row(r["code"], str(r["count"]), str(r["children"]), *([str(r["new"])] if compared else []),
                      r["message"])
        console.print(t)
    for r in rules:
        if r["status"] != "ran":
            console.print(f"  {r['code']}: {r['status']}", highlight=False)
    caveat = [r["code"] for r in rules if r["two_year"]]
    if caveat:
        console.print(f"Two-year caveat (the DfE's NOTE: only this year and last year are seen, so these may flag "
                      f"a child whose earlier history would explain it): {', '.join(caveat)}", highlight=False,
                      soft_wrap=True)
    if compared:
        note = (f" ({f['not_rechecked']} earlier errors of rules that did not run now are not counted as fixed)"
                if f["not_rechecked"] else "")
        console.print(f"Compared with {f['compared_with']}: [bold]{f['new']}[/bold] new, {f['open']} still open, "
                      f"[bold]{f['fixed']}[/bold] fixed{note}", highlight=False)
