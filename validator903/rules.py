"""The rule catalogue: one ``rules_sql/<CODE>.sql`` per rule version.

A rule file is a YAML metadata block in a leading ``/* ... */`` comment followed by a Jinja
template of one portable SELECT returning ``(table_name, row_no, child)`` for every flagged row::

    /*
    code: '103'
    name: ethnicity_not_valid
    message: The ethnicity code is either not valid or has not been entered.
    fields: [ETHNIC]
    tables: [header]
    years: 2023/24-2026/27
    differs_from_peer: optional note
    */
    SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h WHERE ...

Further versions of a code live in ``<CODE>@<YYYY-YY>.sql``; the versions' ``years`` must not
overlap. Templates see the rule context (``year``, ``year_start``, ``collection_start``,
``collection_end``, ``previous_start``, ``previous_end``, ``la_code``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml

from .context import SUPPORTED_YEARS, CollectionYear, RuleContext
from .dialects import parse, transpile_cached
from .errors import UsageError
from .resources import rules_dir
from .tables import all_table_names

_HEADER = re.compile(r"^\s*/\*(.*?)\*/", re.S)
_JINJA = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                            trim_blocks=True, lstrip_blocks=True)
REQUIRED = ("code", "name", "message", "fields", "tables", "years")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the catalogue is read on every run


@lru_cache(maxsize=None)
def _template(text: str) -> jinja2.Template:
    return _JINJA.from_string(text)


def _years(value) -> tuple[str, ...]:
    """'2023/24-2026/27', '2024/25' or a list of years -> the supported years covered."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        item = str(item)
        if "-" in item and "/" in item:
            lo, hi = (CollectionYear.parse(x) for x in item.split("-", 1))
            out += [str(CollectionYear(y)) for y in range(lo.start_year, hi.start_year + 1)]
        else:
            out.append(str(CollectionYear.parse(item)))
    return tuple(y for y in SUPPORTED_YEARS if y in out)


def code_sort_key(code: str):
    """Numeric codes in number order, then lettered families (INT, SW...) by name."""
    m = re.match(r"^(\d+)(.*)$", code)
    return (0, int(m.group(1)), m.group(2)) if m else (1, 0, code)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    message: str
    fields: tuple[str, ...]
    tables: tuple[str, ...]
    years: tuple[str, ...]
    path: Path
    template: str
    differs_from_peer: str = ""

    def applies_to(self, year: CollectionYear) -> bool:
        return str(year) in self.years

    def render(self, ctx: RuleContext) -> str:
        """Portable SQL for this context (Jinja rendered, helpers not yet expanded)."""
        try:
            return _template(self.template).render(**ctx.jinja_vars()).strip().rstrip(";")
        except jinja2.TemplateError as e:
            raise UsageError(f"{self.path.name}: template error: {e}") from None

    def sql(self, ctx: RuleContext, dialect: str = "duckdb", pretty: bool = False) -> str:
        try:
            return transpile_cached(self.render(ctx), dialect, pretty, single=True)
        except UsageError as e:
            raise UsageError(f"{self.path.name}: a rule must be exactly one SELECT ({e})") from None


def _read(path: Path) -> Rule:
    text = path.read_text(encoding="utf-8")
    m = _HEADER.match(text)
    if not m:
        raise UsageError(f"{path.name}: no /* metadata */ block at the top")
    meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise UsageError(f"{path.name}: metadata lacks {', '.join(missing)}")
    code = str(meta["code"])
    if not (path.stem == code or path.stem.startswith(code + "@")):
        raise UsageError(f"{path.name}: file name does not match code {code}")
    tables = tuple(str(t) for t in meta["tables"])
    unknown = [t for t in tables if t not in all_table_names()]
    if unknown:
        raise UsageError(f"{path.name}: unknown table(s) {', '.join(unknown)}")
    return Rule(code=code, name=str(meta["name"]), message=" ".join(str(meta["message"]).split()),
                fields=tuple(str(f) for f in meta["fields"]), tables=tables, years=_years(meta["years"]),
                path=path, template=text[m.end():], differs_from_peer=str(meta.get("differs_from_peer") or "").strip())


@lru_cache(maxsize=None)
def all_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    folder = folder or rules_dir()
    rules = tuple(_read(p) for p in sorted(folder.glob("*.sql")))
    by_code: dict[str, list[Rule]] = {}
    for r in rules:
        by_code.setdefault(r.code, []).append(r)
    for code, versions in by_code.items():
        seen: dict[str, Path] = {}
        for v in versions:
            for y in v.years:
                if y in seen:
                    raise UsageError(f"rule {code}: {v.path.name} and {seen[y].name} both claim {y}")
                seen[y] = v.path
    return tuple(sorted(rules, key=lambda r: (code_sort_key(r.code), r.years)))


def rules_for_year(year: CollectionYear, codes: list[str] | None = None) -> list[Rule]:
    """The rules in force in ``year`` (optionally only ``codes``), in code order."""
    chosen = [r for r in all_rules() if r.applies_to(year)]
    if codes:
        wanted = {c.strip() for c in codes if c.strip()}
        have = {r.code for r in chosen}
        unknown = sorted(wanted - have, key=code_sort_key)
        if unknown:
            raise UsageError(f"--rules: no rule {', '.join(unknown)} in {year}")
        chosen = [r for r in chosen if r.code in wanted]
    return chosen


def find_rule(code: str, year: CollectionYear | None = None) -> Rule:
    versions = [r for r in all_rules() if r.code == code]
    if not versions:
        raise UsageError(f"no rule with code {code!r}")
    if year is not None:
        versions = [r for r in versions if r.applies_to(year)]
        if not versions:
            raise UsageError(f"rule {code} does not apply in {year}")
    return versions[-1]
