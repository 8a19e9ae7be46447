"""Command line: validator903 demo | validate | rules | show | compile | run | test-rules | lint | ..."""
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


def _validate(paths: list[Path], previous: list[Path] | None, year: str, la: str | None,
              output: Path | None, rules: str | None, strict: bool, quiet: bool = False,
              profile: bool = False, formats: list[str] | None = None, compare_with: Path | None = None,
              by_social_worker: Path | None = None, history: Path | None = None,
              references: dict[str, list[Path]] | None = None) -> int:
    from . import engine
    from .load.checks import same_inputs, warning_jobs
    from .pipeline import Request, run_pipeline
    from .rules import rules_for_year

    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    chosen = rules_for_year(ctx.year, _split_codes(rules))
    req = Request(output, formats, compare_with, by_social_worker, quiet, strict, profile,
                  inputs=list(paths) + list(previous or []) + [p for ps in (references or {}).values() for p in ps],
                  history=history)
    early = same_inputs(paths, previous)

    def start(conn):
        run = engine.load(conn, ctx, paths, previous, references)
        run.load.warnings[:0] = early
        return run

    def finish(conn, run, on_rule):
        from .fixes.propose import propose

        # the derived relations, the checks of the data and the rules, all side by side
        run = engine.run_rules(run, chosen, on_rule=on_rule, beside=warning_jobs(run))
        propose(run, chosen)  # the fixes table: what `validator903 fix` would change (reports show it)
        return run

    return run_pipeline(req, ctx, ", ".join(map(str, paths)), len(chosen), start, finish, out_console, err_console)


RULES_DIR_HELP = ("A folder of your council's own rules (and their YAML cases), in the format of rules_sql/; "
                  "repeat for several. Their codes must not clash with the DfE's.")


def _rules_dir_option():
    return typer.Option(None, "--rules-dir", help=RULES_DIR_HELP)


def _use_packs(folders: list[Path] | None) -> None:
    from .rules import use_packs

    use_packs(folders or [])


FORMAT_HELP = ("Reports to write into --output: csv (errors.csv, summary.csv; the default), xlsx (report.xlsx), "
               "html (report.html), json (errors.json). Several: --format csv,xlsx,html or repeat the option.")
COMPARE_HELP = ("The --output folder of an earlier run: mark each error new or still open and list the errors "
                "fixed since then, in every format (csv: errors_compared.csv, fixed.csv).")
HISTORY_HELP = ("Add this run's summary (per rule: rows, children, new, fixed) to DIR/history.duckdb and give "
                "report.html and report.xlsx a trend page over the runs of this year and LA.")
BY_SW_HELP = ("Also write one CSV per social worker into this folder (sw_<SW_ID>.csv, unassigned.csv, "
              "index.csv).")
POSTCODES_HELP = ("The ONS postcode directory (NSPL or ONSPD CSV, or its zip) for the rules on placement "
                  "postcodes, PL_LA, PL_LOCATION and PL_DISTANCE; without it they are skipped.")
LA_HELP = "Your local authority: the DfE 3-digit code (352) or the ONS code (E08000003)."


def _postcodes_option():
    return typer.Option(None, "--postcodes", help=POSTCODES_HELP)


PROVIDERS_HELP = ("The Ofsted provider lists (xlsx or csv, as downloaded: children's homes and social care "
                  "providers, or the combined list) for the URN rules; repeat the option for each file. "
                  "Without them those rules are skipped.")


def _providers_option():
    return typer.Option(None, "--providers", help=PROVIDERS_HELP)


def _references(postcodes: Path | None, providers: list[Path] | None = None) -> dict[str, list[Path]]:
    """The reference files given on the command line, by the table they supply."""
    refs = {"postcodes": [postcodes]} if postcodes is not None else {}
    if providers:
        refs["providers"] = list(providers)
    return refs


@app.command()
def validate(
    paths: List[Path] = typer.Argument(..., help="Folder(s) or files: the 903 CSVs or the DfE XML return."),
    previous: Optional[List[Path]] = typer.Option(None, "--previous", help="Last year's return (folder or files)."),
    year: str = typer.Option(..., "--year", help=f"Collection year: {', '.join(SUPPORTED_YEARS)}."),
    la: Optional[str] = typer.Option(None, "--la", help=LA_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder for the reports and validation.duckdb."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Only these codes, comma-separated."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when anything is flagged."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    profile: bool = typer.Option(False, "--profile", help="List the 10 slowest rules; with --output, "
                                 "write their EXPLAIN ANALYZE plans to DIR/profile/."),
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    compare_with: Optional[Path] = typer.Option(None, "--compare-with", help=COMPARE_HELP),
    by_social_worker: Optional[Path] = typer.Option(None, "--by-social-worker", help=BY_SW_HELP),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
    history: Optional[Path] = typer.Option(None, "--history", help=HISTORY_HELP),
    postcodes: Optional[Path] = _postcodes_option(),
    providers: Optional[List[Path]] = _providers_option(),
):
    """Validate a return. Exit 0 when validation ran, 1 with --strict and findings, 2 for unusable input."""
    _use_packs(rules_dir)
    raise typer.Exit(_validate(paths, previous, year, la, output, rules, strict, quiet, profile,
                               fmt, compare_with, by_social_worker, history, _references(postcodes, providers)))


@app.command()
def demo(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Where to write the reports."),
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    compare_with: Optional[Path] = typer.Option(None, "--compare-with", help=COMPARE_HELP),
    by_social_worker: Optional[Path] = typer.Option(None, "--by-social-worker", help=BY_SW_HELP),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
    postcodes: Optional[Path] = _postcodes_option(),
    providers: Optional[List[Path]] = _providers_option(),
):
    """Validate the bundled sample council (current and previous year) and print a summary."""
    from .resources import sample_dir

    _use_packs(rules_dir)
    sample = sample_dir()
    out = output or Path(tempfile.mkdtemp(prefix="validator903_demo_"))
    out_console.print(f"Sample council: {sample} ({SAMPLE_YEAR}, LA 999)")
    raise typer.Exit(_validate([sample / "current"], [sample / "previous"], SAMPLE_YEAR, "999", out, None, False,
                               formats=fmt, compare_with=compare_with, by_social_worker=by_social_worker,
                               references=_references(postcodes, providers)))


@app.command()
def fix(
    paths: List[Path] = typer.Argument(..., help="Folder(s) or files: the 903 CSVs."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the corrected CSVs and changes.csv "
                                "(replaced whole; never an input folder)."),
    year: str = typer.Option(..., "--year", help=f"Collection year: {', '.join(SUPPORTED_YEARS)}."),
    previous: Optional[List[Path]] = typer.Option(None, "--previous", help="Last year's return (folder or files)."),
    la: Optional[str] = typer.Option(None, "--la", help="Your DfE 3-digit LA code, e.g. 352."),
    apply: str = typer.Option("certain", "--apply", help="certain: write only the corrections that cannot be "
                              "wrong; all: the suggested ones too."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write only changes.csv."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Only these codes, comma-separated."),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
):
    """Propose corrections for the errors that have one; write corrected copies of the CSVs and changes.csv."""
    from .fixes.console import print_fix
    from .fixes.command import run_fix
    from .rules import rules_for_year

    _use_packs(rules_dir)
    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    result = run_fix(ctx, rules_for_year(ctx.year, _split_codes(rules)), paths, previous, output, apply, dry_run)
    print_fix(result, apply, dry_run, out_console, err_console)


@app.command("rules")
def list_rules(
    year: str = typer.Option(..., "--year"),
    fmt: str = typer.Option("table", "--format", help="table or csv"),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
):
    """List the rules in force in a collection year."""
    from .rules import rules_for_year

    _use_packs(rules_dir)
    chosen = rules_for_year(CollectionYear.parse(year))
    if fmt == "csv":
        from .reports.csv_report import safe_rows

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["code", "message", "fields", "tables", "source", "severity", "stage", "name"])
        w.writerows(safe_rows([r.code, r.message, ";".join(r.fields), ";".join(r.tables), r.source, r.severity,
                               r.stage or "", r.name] for r in chosen))
    elif fmt == "table":
        from rich.table import Table
        t = Table(title=f"{len(chosen)} rules in {year}")
        for col in ("code", "name", "source", "severity", "tables", "message"):
            t.add_column(col)
        for r in chosen:
            t.add_row(r.code, r.name, r.source, r.severity, ", ".join(r.tables), r.message)
        out_console.print(t)
    else:
        raise UsageError(f"--format {fmt!r}: choose table or csv")


@app.command()
def show(
    code: str = typer.Argument(..., help="Rule code, e.g. 103"),
    dialect: str = typer.Option("duckdb", "--dialect", help="duckdb, postgres, tsql or oracle"),
    year: Optional[str] = typer.Option(None, "--year", help="Collection year (default: the latest the rule has)."),
    la: Optional[str] = typer.Option(None, "--la", help=LA_HELP),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
):
    """Print a rule's metadata and its SQL in one dialect."""
    from .dialects import spec
    from .rules import find_rule

    _use_packs(rules_dir)
    spec(dialect)
    rule = find_rule(code, CollectionYear.parse(year) if year else None)
    y = CollectionYear.parse(year) if year else CollectionYear.parse(rule.years[-1])
    print(f"-- {rule.code} {rule.name} ({y}; rule applies {rule.years[0]}..{rule.years[-1]})")
    print(f"-- {rule.message}")
    print(f"-- fields: {', '.join(rule.fields)}; tables: {', '.join(rule.tables)}; source: {rule.source}; "
          f"severity: {rule.severity}")
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
    la: Optional[str] = typer.Option(None, "--la", help=LA_HELP),
    rules: Optional[str] = typer.Option(None, "--rules"),
    target_version: Optional[str] = typer.Option(
        None, "--target-version", help="SQL Server version the scripts may rely on (default 2012: "
        "compatibility level 110); 2016 (SP1 or later) adds CREATE OR ALTER, 2017 TRIM."),
    grant_to: Optional[str] = typer.Option(None, "--grant-to", help="A BI role to grant read access to the "
                                           "errors views, history and catalogue (see README: grants)."),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
):
    """Write ordered, re-runnable deployment scripts: staging views, one view per rule, the errors view."""
    from .compile import compile_year
    from .dialects import spec
    from .warehouse.mapping import load_mapping

    _use_packs(rules_dir)
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
    la: Optional[str] = typer.Option(None, "--la", help=LA_HELP),
    rules: Optional[str] = typer.Option(None, "--rules"),
    strict: bool = typer.Option(False, "--strict"),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    compare_with: Optional[Path] = typer.Option(None, "--compare-with", help=COMPARE_HELP),
    by_social_worker: Optional[Path] = typer.Option(None, "--by-social-worker", help=BY_SW_HELP),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
    history: Optional[Path] = typer.Option(None, "--history", help=HISTORY_HELP),
    postcodes: Optional[Path] = typer.Option(None, "--postcodes", help="Not for a warehouse: name your postcode "
                                             "table in the mapping (tables: postcodes: source: ...)."),
    providers: Optional[List[Path]] = typer.Option(None, "--providers", help="Not for a warehouse: name your "
                                                   "provider tables in the mapping (tables: providers: source: ...)."),
):
    """Run the rules inside a warehouse: read-only SELECTs by default, or deployed views."""
    if postcodes is not None:  # the rules read the postcode table where the data lives
        raise UsageError(f"--postcodes {postcodes}: in a warehouse the postcode table comes from the mapping "
                         "(tables: postcodes: {source: your_schema.your_nspl_table}), not a file")
    if providers:  # likewise the provider tables (validator903 providers writes them from the lists)
        raise UsageError(f"--providers {providers[0]}: in a warehouse the provider tables come from the mapping "
                         "(tables: providers / provider_places / provider_provider_codes: {source: ...}), not a file")
    _use_packs(rules_dir)
    from .pipeline import Request, run_pipeline
    from .rules import rules_for_year
    from .warehouse.connect import connect, dialect_of
    from .warehouse.mapping import load_mapping
    from .warehouse.run import run_remote

    ctx = RuleContext(CollectionYear.parse(year), check_la_code(la))
    m = load_mapping(mapping, dialect_of(url), source_schema)
    if m.pooled and la is not None:  # each council's LA is its rows' (validator903.pooled), not one --la
        raise UsageError(f"--la {la}: a pooled mapping names each row's council (la_column: {m.la_column}); "
                         "leave --la out")
    req = Request(output, fmt, compare_with, by_social_worker, quiet, strict, history=history)
    total = len(rules_for_year(ctx.year, _split_codes(rules)))
    remote = connect(url)
    try:
        code = run_pipeline(req, ctx, _redacted(url), total, start=lambda conn: None,
                            finish=lambda conn, _run, on_rule: run_remote(remote, ctx, m, _split_codes(rules), deploy,
                                                                          schema, on_rule=on_rule, local=conn, grant_to=grant_to,
                                                                          copy_tables=output is not None
                                                                          or by_social_worker is not None),
                            out=out_console, err=err_console)
    finally:
        remote.close()
    raise typer.Exit(code)


def _redacted(url: str) -> str:
    """The URL without its password, for run_info."""
    import re
    return re.sub(r"(//[^/:@]*):[^@/]*@", r"\1:***@", url)


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
def trends(
    out: List[Path] = typer.Option(..., "--out", help="trends.html and/or trends.xlsx (repeat for both)."),
    url: Optional[str] = typer.Option(None, "--url", help="A warehouse with snapshots in <schema>.v903_error_history."),
    history: Optional[Path] = typer.Option(None, "--history", help="Or the folder of a validate --history store."),
    schema: str = typer.Option("ssda903", "--schema"),
    year: Optional[str] = typer.Option(None, "--year", help="Collection year (default: the newest run's)."),
    la: Optional[str] = typer.Option(None, "--la", help="LA code (default: the newest run's)."),
):
    """The trend page on its own: errors and children with errors per run, top rules, new vs fixed per week."""
    from .reports.standalone import check_outs, write_outs

    if (url is None) == (history is None):
        raise UsageError("trends: give --url (the warehouse's snapshots) or --history DIR (validate --history's store)")
    check_outs(out)
    if year is not None:
        year = str(CollectionYear.parse(year))
    la = check_la_code(la)
    if url is not None:
        from .warehouse.connect import connect
        from .warehouse.mapping import _ident
        from .warehouse.trends import read_trend

        _ident(schema, "--schema")
        conn = connect(url)
        try:
            trend = read_trend(conn, schema, year, la)
        finally:
            conn.close()
    else:
        from .history import read_history

        trend = read_history(history, year, la)
        if not trend.runs:
            raise UsageError(f"--history {history}: no runs" + (f" of {year}" if year else "")
                             + (f" of LA {la}" if la else ""))
    from .reports.trend_page import write_trend_page
    from .reports.trend_sheet import write_trend_sheet_file

    last = trend.runs[-1]
    title = f"SSDA903 error trend {last.year or ''}" + (f", LA {last.la}" if last.la else "")
    for p in write_outs(out, {".html": lambda p: write_trend_page(trend, p, title),
                              ".xlsx": lambda p: write_trend_sheet_file(trend, p)}):
        out_console.print(f"wrote {p} ({len(trend.runs)} runs)", highlight=False, markup=False)


benchmark_app = typer.Typer(no_args_is_help=True, help="Share an anonymised summary of a run; compare councils.")
app.add_typer(benchmark_app, name="benchmark")


@benchmark_app.command("export")
def benchmark_export(
    run_dir: Path = typer.Argument(..., help="The --output folder of a validate (or run --url) run."),
    out: Path = typer.Option(..., "--out", help="The summary to share, e.g. council.json."),
    la: Optional[str] = typer.Option(None, "--la", help="LA code, when the run was given none."),
):
    """Write an anonymised summary: LA, year, run date, children, per rule rows, children and rate
    per 100 children; counts from 1 to 4 suppressed (see README: Benchmarking)."""
    from .benchmark import export, write_json_aside

    if out.resolve() == (run_dir / "validation.duckdb").resolve():
        raise UsageError(f"--out {out}: is the run's database; name another file")
    doc = export(run_dir, check_la_code(la))
    write_json_aside(doc, out)
    ran = sum(1 for r in doc["rules"] if r["status"] == "ran")
    out_console.print(f"wrote {out} (LA {doc['la']}, {doc['year']}, {doc['children']:,} children, {ran} rules)",
                      highlight=False, markup=False)


@benchmark_app.command("compare")
def benchmark_compare(
    files: List[Path] = typer.Argument(..., help="Exports of two or more councils (benchmark export)."),
    out: List[Path] = typer.Option(..., "--out", help="report.html and/or report.xlsx (repeat for both)."),
):
    """Councils side by side: each one's rate per rule against the median of the others, the
    outliers, and the rules that flag children in every council."""
    from .benchmark import compare
    from .reports.benchmark_report import write_benchmark_html, write_benchmark_xlsx
    from .reports.standalone import check_outs, write_outs

    check_outs(out)
    cmp = compare(files)
    for w in cmp.warnings:
        err_console.print(f"[yellow]warning:[/yellow] {w}", highlight=False)
    for p in write_outs(out, {".html": lambda p: write_benchmark_html(cmp, p),
                              ".xlsx": lambda p: write_benchmark_xlsx(cmp, p)}):
        out_console.print(f"wrote {p}", highlight=False, markup=False)
    out_console.print(f"{len(cmp.councils)} councils, {len(cmp.codes)} rules, {len(cmp.common)} flagged in every "
                      f"council, {len(cmp.outliers())} outliers", highlight=False)


@app.command()
def selftest(
    dialect: str = typer.Option(..., "--dialect"),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the script here instead of printing it."),
    rules_dir: Optional[List[Path]] = _rules_dir_option(),
):
    """Emit one read-only script that checks, on your own server, the settings the SQL depends on,
    every helper and every rule case (a pack's too, with --rules-dir): one ok/FAIL line each."""
    from .dialects import spec
    from .selftest import selftest_script

    spec(dialect)
    _use_packs(rules_dir)
    text = selftest_script(dialect, packs=tuple(rules_dir or ()))
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


@app.command("providers")
def provider_tables(
    lists: List[Path] = typer.Argument(..., help="The Ofsted provider lists (xlsx or csv), as downloaded."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the three CSVs."),
):
    """Read Ofsted provider lists into the tables the URN rules read (providers.csv, provider_places.csv,
    provider_provider_codes.csv), to load into a warehouse for `run`."""
    from .load.providers import write_tables

    written, warnings = write_tables(lists, output)
    for w in warnings:
        err_console.print(f"warning: {w}", highlight=False, soft_wrap=True)
    for path, rows in written:
        out_console.print(f"wrote {path} ({rows} rows)", highlight=False, soft_wrap=True)


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


@app.command("test-rules")
def test_rules(
    folder: Path = typer.Argument(..., help="A rule pack: rule files and their YAML cases, side by side."),
):
    """Run a rule pack's YAML cases on DuckDB: exit 0 when every case passes, 1 when one fails."""
    from .rules import pack_rules
    from .testing import check_cases, load_cases

    _use_packs([folder])
    pack = pack_rules(folder.resolve())
    cases = load_cases(folder, recursive=True)
    if not cases:
        raise UsageError(f"{folder}: no YAML cases (files with rule: and cases:) beside the rules")
    ours = {r.code for r in pack}
    strangers = sorted({c.code for c in cases} - ours)
    if strangers:
        raise UsageError(f"{folder}: cases for rules the pack does not have: {', '.join(strangers)}")
    untested = sorted(ours - {c.code for c in cases})
    from .lint import lint_rule

    findings = [f for r in pack for f in lint_rule(r)]  # a pack must also run in the warehouse
    for f in findings:
        print(f"FAIL  lint {f}")
    results = check_cases(cases)
    for r in results:
        if r.ok:
            print(f"ok    {r.case.id}")
        elif r.error:
            print(f"FAIL  {r.case.id} ({r.case.file.name}): {r.error}")
        else:
            show = lambda rows: "[" + ", ".join(f"[{t}, {n}]" for t, n in sorted(rows)) + "]"
            print(f"FAIL  {r.case.id} ({r.case.file.name}): expected {show(r.case.expect)}, got {show(r.got)}")
    failed = sum(not r.ok for r in results) + len(findings)
    for code in untested:
        print(f"warning: rule {code} has no cases")
    print(f"{sum(r.ok for r in results)} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command()
def lint(rules_dir: Optional[List[Path]] = _rules_dir_option()):
    """Check every rule source against the portable subset (exit 1 on findings)."""
    from .lint import lint_all

    _use_packs(rules_dir)
    findings = lint_all()
    for f in findings:
        print(f)
    raise typer.Exit(1 if findings else 0)


def main() -> None:
    try:
        code = app(standalone_mode=False) or 0
        if code == 130:  # click hands typer's Ctrl+C back as a return code
            _interrupted()
        sys.exit(code)
    except UsageError as e:
        _fail_plain(str(e))
    except typer.Exit as e:
        if e.exit_code == 130:  # typer's form of Ctrl+C; the outputs were built aside and are as they were
            _interrupted()
        sys.exit(e.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:  # the outputs were built aside: the earlier ones are as they were
        _interrupted()
    except Exception as e:  # click usage errors and anything unforeseen: one line, no traceback
        if _was_interrupted(e):
            _interrupted()
        # typer bundles its own click, so its usage errors are recognised by shape, not by class
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):
            _fail_plain(f"{e.format_message()} (see validator903 --help)", 2)
        if os.environ.get("VALIDATOR903_DEBUG"):
            raise
        _fail_plain(f"internal error: {type(e).__name__}: {e} (set VALIDATOR903_DEBUG=1 for details)", 3)


def _interrupted() -> None:
    from .__main__ import interrupted
    interrupted()


def _was_interrupted(e: BaseException) -> bool:
    """Ctrl+C in another guise: click's Abort, DuckDB's interrupt, or wrapped while a class was made."""
    from .engine import interrupted

    seen = 0
    while e is not None and seen < 10:
        if isinstance(e, KeyboardInterrupt) or type(e).__name__ == "Abort" or interrupted(e):
            return True
        e, seen = e.__cause__ or e.__context__, seen + 1
    return False


def _fail_plain(message: str, code: int = 2) -> None:
    line = " ".join(message.split())
    print(f"error: {line}", file=sys.stderr)
    sys.exit(code)
