"""Emit a year's staging and rule SQL for one dialect, as files a data engineer can read or run."""
from __future__ import annotations

from pathlib import Path

from .context import RuleContext
from .dialects import generate, parse, spec
from .rules import rules_for_year
from .stage import staging_select
from .tables import TABLES, LAST_SUFFIX


def compile_year(dialect: str, ctx: RuleContext, out: Path, source_schema: str = "raw") -> list[Path]:
    spec(dialect)
    out.mkdir(parents=True, exist_ok=True)
    (out / "rules").mkdir(exist_ok=True)
    written: list[Path] = []
    staging = []
    for t in TABLES:
        if ctx.year.start_year < t.first_year:
            continue
        for name in (t.name, t.name + LAST_SUFFIX):
            select = generate(parse(staging_select(name, f"{source_schema}.{name}"))[0], dialect, pretty=True)
            staging.append(f"-- staging: {name}\n{select};\n")
    p = out / "00_staging.sql"
    p.write_text("\n".join(staging), encoding="utf-8")
    written.append(p)
    for rule in rules_for_year(ctx.year):
        p = out / "rules" / f"{rule.code}.sql"
        header = f"-- {rule.code} {rule.name}: {rule.message}\n-- returns (table_name, row_no, child)\n"
        p.write_text(header + rule.sql(ctx, dialect, pretty=True) + ";\n", encoding="utf-8")
        written.append(p)
    return written
