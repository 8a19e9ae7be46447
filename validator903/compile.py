"""`compile`: a year's deployment scripts for one dialect, plus each rule on its own for reading."""
from __future__ import annotations

from pathlib import Path

from .context import RuleContext
from .rules import rules_for_year
from .warehouse import deploy
from .warehouse.mapping import Mapping


def compile_year(dialect: str, ctx: RuleContext, out: Path, mapping: Mapping, schema: str = "ssda903",
                 codes: list[str] | None = None, grant_to: str | None = None) -> list[Path]:
    scripts = deploy.render(deploy.build(dialect, ctx, mapping, schema, codes, grant_to), dialect)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in scripts.items():
        p = out / name
        p.write_text(text, encoding="utf-8")
        written.append(p)
    (out / "rules").mkdir(exist_ok=True)
    for rule in rules_for_year(ctx.year, codes):
        p = out / "rules" / f"{rule.code}.sql"
        header = (f"-- {rule.code} {rule.name}: {rule.message}\n"
                  f"-- returns (table_name, row_no, child) over the staging relations {', '.join(rule.tables)}\n")
        p.write_text(header + rule.sql(ctx, dialect, pretty=True) + ";\n", encoding="utf-8")
        written.append(p)
    return written
