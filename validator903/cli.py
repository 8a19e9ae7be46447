"""Command line: validator903 demo | validate | rules | show | compile | lint."""
from __future__ import annotations

import csv
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .context import SUPPORTED_YEARS, CollectionYear, RuleContext, check_la_code
from .errors import UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Check an SSDA903 return against the DfE validation rules, as SQL.")
out_console = Console()
err_console = Console(stderr=True)

SAMPLE_YEAR = "2025/26"


def _fail(message: str, code: int = 2) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _split_codes(rules: Optional[str]) -> list[str] | None:
    return [c for c in rules.split(",")] if rules else None


REPORT_FILES = ("errors.csv", "summary.csv", "errors_compared.csv", "fixed.csv", "report.xlsx", "report.html",
                "errors.json")


def _validate(paths: list[Path], previous: list[Path] | None, year: str, la: str | None,
              output: Path | None, rules: str | None, strict: bool, quiet: bool = False,
              profile: bool = False, formats: list[str] | None = None, compare_with: Path | None = None,
              by_social_worker: Path | None = None) -> int:
    import shutil

    from . import engine
    from .reports import parse_formats, write_reports
    from .reports.console import print_summary, rule_progress
    from .reports.data import gather, snapshot_previous
    from .rules import rules_for_year

    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    chosen = rules_for_year(ctx.year, _split_codes(rules))
    fmts = parse_formats(formats)
    if output is None and fmts != ["csv"]:
        raise UsageError(f"--format {','.join(fmts)} writes files: give --output DIR too")
    # The earlier run's database is copied aside first: it may live in the --output about to be rewritten.
    prev_copy = snapshot_previous(compare_with) if compare_with is not None else None
    try:
        if output is not None:
            output.mkdir(parents=True, exist_ok=True)
        conn = engine.open_db(output / "validation.duckdb" if output else None)
        run = engine.prepare(conn, ctx, paths, previous)
        for w in run.load.warnings:
            err_console.print(f"[yellow]warning:[/yellow] {w}", highlight=False, soft_wrap=True)
        with rule_progress(err_console, len(chosen), disable=quiet) as on_rule:
            engine.run_rules(run, chosen, on_rule=on_rule)
        data = gather(run, prev_copy, compare_with)
    finally:
        if prev_copy is not None:
            shutil.rmtree(prev_copy.parent, ignore_errors=True)
    if not quiet:
        print_summary(data, out_console)
    if output is not None:
        for name in REPORT_FILES:  # an earlier run's reports of other formats would be mistaken for this run's
            (output / name).unlink(missing_ok=True)
        with err_console.status("Writing reports", spinner="dots") if not quiet else _nullcontext():
            written = write_reports(data, output, fmts)
        for p in written + [output / "validation.duckdb"]:
            out_console.print(f"wrote {p}", highlight=False)
    if by_social_worker is not None:
        from .reports.by_social_worker import write_by_social_worker

        if not data.has_sw:
            err_console.print("[yellow]warning:[/yellow] no sw_episodes table: every error is in unassigned.csv",
                              highlight=False, soft_wrap=True)
        files = write_by_social_worker(data, by_social_worker)
        lists = [p for p in files if p.name.startswith("sw_")]
        shown = files if len(lists) <= 20 else [p for p in files if p not in lists]
        for p in shown:
            out_console.print(f"wrote {p}", highlight=False)
        if len(shown) < len(files):  # hundreds of social workers: index.csv names every list
            out_console.print(f"wrote {len(lists)} lists, one per social worker, {by_social_worker}/sw_*.csv "
                              "(each named in index.csv)", highlight=False)
    if profile:
        from .profile import profile_rules
        profile_rules(run, out_console, output / "profile" if output else None)
    conn.close()
    return 1 if strict and run.flagged else 0


def _nullcontext():
    from contextlib import nullcontext
    return nullcontext()


FORMAT_HELP = ("Reports to write into --output: csv (errors.csv, summary.csv; the default), xlsx (report.xlsx), "
               "html (report.html), json (errors.json). Several: --format csv,xlsx,html or repeat the option.")
COMPARE_HELP = ("The --output folder of an earlier run: mark each error new or still open and list the errors "
                "fixed since then, in every format (csv: errors_compared.csv, fixed.csv).")
BY_SW_HELP = ("Also write one CSV per social worker into this folder (sw_<SW_ID>.csv, unassigned.csv, "
              "index.csv).")


@app.command()
def validate(
    paths: List[Path] = typer.Argument(..., help="Folder(s) or files: the 903 CSVs or the DfE XML return."),
    previous: Optional[List[Path]] = typer.Option(None, "--previous", help="Last year's return (folder or files)."),
    year: str = typer.Option(..., "--year", help=f"Collection year: {', '.join(SUPPORTED_YEARS)}."),
    la: Optional[str] = typer.Option(None, "--la", help="Your DfE 3-digit LA code, e.g. 352."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder for the reports and validation.duckdb."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Only these codes, comma-separated."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when anything is flagged."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    profile: bool = typer.Option(False, "--profile", help="List the 10 slowest rules; with --output, "
                                 "write their EXPLAIN ANALYZE plans to DIR/profile/."),
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    compare_with: Optional[Path] = typer.Option(None, "--compare-with", help=COMPARE_HELP),
    by_social_worker: Optional[Path] = typer.Option(None, "--by-social-worker", help=BY_SW_HELP),
):
    """Validate a return. Exit 0 when validation ran, 1 with --strict and findings, 2 for unusable input."""
    raise typer.Exit(_validate(paths, previous, year, la, output, rules, strict, quiet, profile,
                               fmt, compare_with, by_social_worker))


@app.command()
def demo(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Where to write the reports."),
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    compare_with: Optional[Path] = typer.Option(None, "--compare-with", help=COMPARE_HELP),
    by_social_worker: Optional[Path] = typer.Option(None, "--by-social-worker", help=BY_SW_HELP),
):
    """Validate the bundled sample council (current and previous year) and print a summary."""
    from .resources import sample_dir

    sample = sample_dir()
    out = output or Path(tempfile.mkdtemp(prefix="validator903_demo_"))
    out_console.print(f"Sample council: {sample} ({SAMPLE_YEAR}, LA 999)")
    raise typer.Exit(_validate([sample / "current"], [sample / "previous"], SAMPLE_YEAR, "999", out, None, False,
                               formats=fmt, compare_with=compare_with, by_social_worker=by_social_worker))


@app.command("rules")
def list_rules(
    year: str = typer.Option(..., "--year"),
    fmt: str = typer.Option("table", "--format", help="table or csv"),
):
    """List the rules in force in a collection year."""
    from .rules import rules_for_year

    chosen = rules_for_year(CollectionYear.parse(year))
    if fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["code", "message", "fields", "tables"])
        for r in chosen:
            w.writerow([r.code, r.message, ";".join(r.fields), ";".join(r.tables)])
    elif fmt == "table":
        from rich.table import Table
        t = Table(title=f"{len(chosen)} rules in {year}")
        for col in ("code", "name", "tables", "message"):
            t.add_column(col)
        for r in chosen:
            t.add_row(r.code, r.name, ", ".join(r.tables), r.message)
        out_console.print(t)
    else:
        raise UsageError(f"--format {fmt!r}: choose table or csv")


@app.command()
def show(
    code: str = typer.Argument(..., help="Rule code, e.g. 103"),
    dialect: str = typer.Option("duckdb", "--dialect", help="duckdb, postgres, tsql or oracle"),
    year: Optional[str] = typer.Option(None, "--year", help="Collection year (default: the latest the rule has)."),
    la: Optional[str] = typer.Option(None, "--la"),
):
    """Print a rule's metadata and its SQL in one dialect."""
    from .dialects import spec
    from .rules import find_rule

    spec(dialect)
    rule = find_rule(code, CollectionYear.parse(year) if year else None)
    y = CollectionYear.parse(year) if year else CollectionYear.parse(rule.years[-1])
    print(f"-- {rule.code} {rule.name} ({y}; rule applies {rule.years[0]}..{rule.years[-1]})")
    print(f"-- {rule.message}")
    print(f"-- fields: {', '.join(rule.fields)}; tables: {', '.join(rule.tables)}")
    if rule.differs_from_peer:
        print(f"-- differs from peer: {' '.join(rule.differs_from_peer.split())}")
    print(rule.sql(RuleContext(y, check_la_code(la)), dialect, pretty=True) + ";")


@app.command("compile")
def compile_cmd(
    dialect: str = typer.Option(..., "--dialect", help="duckdb, postgres, tsql or oracle"),
    year: str = typer.Option(..., "--year"),
    out: Path = typer.Option(..., "--out"),
    mapping: Optional[Path] = typer.Option(None, "--mapping", help="YAML mapping of the 903 tables to yours."),
    schema: str = typer.Option("ssda903", "--schema", help="The one schema validator903 creates objects in."),
    source_schema: Optional[str] = typer.Option(None, "--source-schema", help="Where unmapped source tables live."),
    la: Optional[str] = typer.Option(None, "--la"),
    rules: Optional[str] = typer.Option(None, "--rules"),
    target_version: Optional[str] = typer.Option(
        None, "--target-version", help="SQL Server version the scripts may rely on (default 2012: "
        "compatibility level 110); 2016 (SP1 or later) adds CREATE OR ALTER, 2017 TRIM."),
    grant_to: Optional[str] = typer.Option(None, "--grant-to", help="A BI role to grant read access to the "
                                           "errors views, history and catalogue (see README: grants)."),
):
    """Write ordered, re-runnable deployment scripts: staging views, one view per rule, the errors view."""
    from .compile import compile_year
    from .dialects import spec
    from .warehouse.mapping import load_mapping

    spec(dialect)
    if target_version:
        dialect = f"{dialect}:{target_version}"
        spec(dialect)
    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    files = compile_year(dialect, ctx, out, load_mapping(mapping, dialect, source_schema), schema, _split_codes(rules),
                         grant_to)
    for f in files:
        out_console.print(f"wrote {f}", highlight=False)


@app.command()
def run(
    url: str = typer.Option(..., "--url", help="postgresql+psycopg://…, mssql+pyodbc://…, oracle+oracledb://…, duckdb:///…"),
    year: str = typer.Option(..., "--year"),
    mapping: Optional[Path] = typer.Option(None, "--mapping"),
    source_schema: Optional[str] = typer.Option(None, "--source-schema"),
    output: Optional[Path] = typer.Option(None, "--output", "-o"),
    deploy: bool = typer.Option(False, "--deploy", help="Create the views in --schema first (needs DDL rights)."),
    grant_to: Optional[str] = typer.Option(None, "--grant-to", help="With --deploy: a BI role to grant read access."),
    schema: str = typer.Option("ssda903", "--schema"),
    la: Optional[str] = typer.Option(None, "--la"),
    rules: Optional[str] = typer.Option(None, "--rules"),
    strict: bool = typer.Option(False, "--strict"),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
):
    """Run the rules inside a warehouse: read-only SELECTs by default, or deployed views."""
    from rich.progress import Progress

    from . import report
    from .reports.console import print_summary
    from .reports.data import gather
    from .rules import rules_for_year
    from .warehouse.connect import connect, dialect_of
    from .warehouse.mapping import load_mapping
    from .warehouse.run import run_remote

    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    m = load_mapping(mapping, dialect_of(url), source_schema)
    conn = connect(url)
    with Progress(console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("Running rules", total=len(rules_for_year(ctx.year, _split_codes(rules))))
        result = run_remote(conn, ctx, m, _split_codes(rules), deploy, schema, on_rule=lambda r: progress.advance(task),
                            grant_to=grant_to)
    conn.close()
    if not quiet:
        print_summary(gather(result), out_console)
    if output is not None:
        for p in report.write_outputs(result, output):
            out_console.print(f"wrote {p}", highlight=False)
    failed = any(r.status.startswith("failed") for r in result.results)
    raise typer.Exit(1 if strict and (result.flagged or failed) else 0)


@app.command()
def snapshot(
    url: str = typer.Option(..., "--url"),
    schema: str = typer.Option("ssda903", "--schema"),
):
    """Append the deployed errors view, with a timestamp, to the error-history table (for trends)."""
    from .warehouse.connect import connect
    from .warehouse.mapping import _ident
    from .warehouse.run import snapshot as take

    _ident(schema, "--schema")
    conn = connect(url)
    n = take(conn, schema)
    conn.close()
    out_console.print(f"appended {n} errors to {schema}.v903_error_history", highlight=False)


@app.command()
def selftest(
    dialect: str = typer.Option(..., "--dialect"),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the script here instead of printing it."),
):
    """Emit a script that checks every portable helper on your own server, plus a settings probe."""
    from .selftest import selftest_script

    text = selftest_script(dialect)
    if out:
        out.write_text(text, encoding="utf-8")
        out_console.print(f"wrote {out}", highlight=False)
    else:
        print(text)


@app.command("mapping")
def starter_mapping():
    """Print a starter mapping: every 903 table and column, with the type each column should hold."""
    from .warehouse.mapping import starter

    print(starter(), end="")


@app.command()
def synth(
    children: int = typer.Option(200, "--children", help="How many children."),
    year: str = typer.Option(SAMPLE_YEAR, "--year"),
    seed: int = typer.Option(1, "--seed"),
    out: Path = typer.Option(..., "--out", help="Folder for this year's CSVs."),
    previous: Optional[Path] = typer.Option(None, "--previous", help="Folder for last year's CSVs."),
    error_rate: float = typer.Option(0.05, "--error-rate", help="Share of children given one injected error."),
):
    """Write a synthetic council's return (and last year's), deterministic for a seed."""
    from .synth import generate, write_csvs

    if children < 1 or not 0 <= error_rate <= 1:
        raise UsageError("--children must be at least 1 and --error-rate between 0 and 1")
    y = CollectionYear.parse(year)
    s = generate(children, y, seed, error_rate)
    write_csvs(s.current, out, y)
    if previous is not None:
        write_csvs(s.previous, previous, CollectionYear(y.start_year - 1))
    out_console.print(f"wrote {len(s.current['header'])} children to {out}"
                      + (f" and {len(s.previous['header'])} to {previous}" if previous else "")
                      + f"; {len(s.injected)} errors injected", highlight=False)


@app.command()
def lint():
    """Check every rule source against the portable subset (exit 1 on findings)."""
    from .lint import lint_all

    findings = lint_all()
    for f in findings:
        print(f)
    raise typer.Exit(1 if findings else 0)


def main() -> None:
    try:
        sys.exit(app(standalone_mode=False) or 0)
    except UsageError as e:
        _fail_plain(str(e))
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # click usage errors and anything unforeseen: one line, no traceback
        # typer bundles its own click, so its usage errors are recognised by shape, not by class
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):
            _fail_plain(f"{e.format_message()} (see validator903 --help)", 2)
        if os.environ.get("VALIDATOR903_DEBUG"):
            raise
        _fail_plain(f"internal error: {type(e).__name__}: {e} (set VALIDATOR903_DEBUG=1 for details)", 3)


def _fail_plain(message: str, code: int = 2) -> None:
    line = " ".join(message.split())
    print(f"error: {line}", file=sys.stderr)
    sys.exit(code)
