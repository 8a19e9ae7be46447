"""One pipeline for `validate`, `demo` and `run --url`: check the output paths, run, gather,
report, swap the finished folders in.

What differs is only where the rules run: ``start`` loads and stages files into the run's DuckDB
(validate) or does nothing (a warehouse run), and ``finish`` runs the rules, leaving ``errors``
and ``rule_results`` in that DuckDB (locally, or brought back from the warehouse). Everything after
that — the console summary, every --format, --compare-with, --by-social-worker, --profile — is the
same code for both, written into temporary folders that replace the targets only at the end
(validator903.outputs).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .context import RuleContext
from .errors import UsageError
from .outputs import OUTPUT_NAMES, Target, sw_names

RUN_INFO_DDL = ("CREATE OR REPLACE TABLE run_info (year VARCHAR, la VARCHAR, source VARCHAR, "
                "tool_version VARCHAR, finished_at TIMESTAMP)")


@dataclass
class Request:
    """What the user asked to be written."""
    output: Path | None = None
    formats: list[str] | None = None
    compare_with: Path | None = None
    by_social_worker: Path | None = None
    quiet: bool = False
    strict: bool = False
    profile: bool = False
    inputs: list[Path] = field(default_factory=list)   # files and folders read: never overwritten
    history: Path | None = None   # --history DIR: add this run's summary to DIR/history.duckdb


def _within(path: Path, folder: Path) -> str | None:
    try:
        rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(folder)))
    except ValueError:
        return None
    return str(rel)


def run_pipeline(req: Request, ctx: RuleContext, source: str, total_rules: int,
                 start: Callable, finish: Callable, out, err) -> int:
    """``start(conn) -> Run | None`` then ``finish(conn, run, on_rule) -> Run``; returns the exit code."""
    from . import __version__, engine
    from .reports import parse_formats, write_reports
    from .reports.console import print_summary, rule_progress
    from .reports.data import gather, snapshot_previous
    from rich.markup import escape

    fmts = parse_formats(req.formats)
    if req.output is None and fmts != ["csv"]:
        raise UsageError(f"--format {','.join(fmts)} writes files: give --output DIR too")
    targets: list[Target] = []
    out_t = sw_rel = None
    if req.output is not None:
        sw_rel = _within(req.by_social_worker, req.output) if req.by_social_worker is not None else None
        top = {Path(sw_rel).parts[0]} if sw_rel and sw_rel != "." else set()
        out_t = Target("--output", req.output, lambda f: OUTPUT_NAMES | top | (sw_names(f) if sw_rel == "." else set()),
                       req.inputs)
        if sw_rel and sw_rel != ".":
            out_t.nested.append((sw_rel, sw_names))
        targets.append(out_t)
    sw_t = None
    if req.by_social_worker is not None and sw_rel is None:
        sw_t = Target("--by-social-worker", req.by_social_worker, sw_names, req.inputs)
        targets.append(sw_t)
    if req.history is not None:
        from .history import check_folder
        check_folder(req.history, req.inputs)
    pending = None   # --history: this run's store, written aside until the reports are swapped in
    # The earlier run's database is copied aside first (it may be the --output about to be replaced).
    prev_copy = snapshot_previous(req.compare_with) if req.compare_with is not None else None
    # escaped: a value shown as M[nbsp], or a path with brackets, is text, not console markup
    warn = lambda text: err.print(f"[yellow]warning:[/yellow] {escape(str(text))}", highlight=False, soft_wrap=True)
    try:
        for t in targets:
            t.open()
        conn = engine.open_db(out_t.tmp / "validation.duckdb" if out_t else None)
        try:
            run = start(conn)
            shown = 0   # warnings of loading now; those of checks that run beside the rules after them
            if run is not None:
                for w in run.load.warnings:
                    warn(w)
                shown = len(run.load.warnings)
            with rule_progress(err, total_rules, disable=req.quiet) as on_rule:
                run = finish(conn, run, on_rule)
            for w in run.load.warnings[shown:]:
                warn(w)
            conn.execute(RUN_INFO_DDL)
            conn.execute("INSERT INTO run_info VALUES (?, ?, ?, ?, current_localtimestamp())",
                         [str(ctx.year), ctx.la_code, source, __version__])
            data = gather(run, prev_copy, req.compare_with)
            for w in data.comparison_warnings:
                warn(w)
            if req.history is not None:
                from .history import prepare
                pending = prepare(req.history, data, source)
                data.trend = pending.trend
            if not req.quiet:
                print_summary(data, out)
            written: list[Path] = []
            if out_t is not None:
                with err.status("Writing reports", spinner="dots") if not req.quiet else _null():
                    written = write_reports(data, out_t.tmp, fmts)
                for w in data.report_warnings:
                    warn(w)
            sw_files: list[Path] = []
            if req.by_social_worker is not None:
                from .reports.by_social_worker import write_by_social_worker

                if not data.has_sw:
                    warn("no sw_episodes table: every error is in unassigned.csv")
                folder = sw_t.tmp if sw_t is not None else out_t.tmp / sw_rel
                sw_files = write_by_social_worker(data, folder)
            if req.profile:
                from .profile import profile_rules
                profile_rules(run, out, out_t.tmp / "profile" if out_t else None,
                              shown_as=out_t.path / "profile" if out_t else None)
            # --strict: anything flagged, or a rule that could not run (a refused table, a broken rule)
            flagged = run.flagged or any(r.status.startswith("failed") for r in run.results)
        finally:
            conn.close()
        for t in targets:
            t.commit()
        if pending is not None:
            pending.commit()
    finally:
        for t in targets:
            t.release()
        if pending is not None:
            pending.release()
        if prev_copy is not None:
            shutil.rmtree(prev_copy.parent, ignore_errors=True)
    if out_t is not None:
        for p in [out_t.tmp_to_final(p) for p in written] + [out_t.path / "validation.duckdb"]:
            out.print(f"wrote {p}", highlight=False, markup=False)
    if pending is not None:
        out.print(f"wrote {pending.final} (run {pending.run_id}; {len(pending.trend.runs)} of {ctx.year}"
                  f"{', LA ' + ctx.la_code if ctx.la_code else ''})", highlight=False, markup=False)
    if req.by_social_worker is not None:
        final = [(sw_t or out_t).tmp_to_final(p) for p in sw_files]
        lists = [p for p in final if p.name.startswith("sw_")]
        shown = final if len(lists) <= 20 else [p for p in final if p not in lists]
        for p in shown:
            out.print(f"wrote {p}", highlight=False, markup=False)
        if len(shown) < len(final):  # hundreds of social workers: index.csv names every list
            out.print(f"wrote {len(lists)} lists, one per social worker, {req.by_social_worker}/sw_*.csv "
                      "(each named in index.csv)", highlight=False)
    return 1 if req.strict and flagged else 0


def _null():
    from contextlib import nullcontext
    return nullcontext()
