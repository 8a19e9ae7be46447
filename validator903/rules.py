"""The rule catalogue: one ``rules_sql/<CODE>.sql`` per rule version, plus councils' rule packs.

A rule file is a YAML metadata block in a leading ``/* ... */`` comment followed by a Jinja
template of one portable SELECT returning ``(table_name, row_no, child)`` for every flagged row::

    /*
    code: '103'
    name: ethnicity_not_valid
    message: The ethnicity code is either not valid or has not been entered.
    fields: [ETHNIC]
    tables: [header]                 # exactly the relations the SQL reads: staging or derived
    needs: [uasc]                    # optional: tables that must be present although not read
    years: 2023/24-                  # from 2023/24 on; '2023/24-2024/25' or '2024/25' for closed ranges
    severity: error                  # or query (a check the DfE lets an LA bypass); default error
    differs_from_peer: optional note
    */
    SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h
    WHERE h.ethnic IS NULL OR h.ethnic NOT IN {{ codes('ETHNIC') }}

Logic that changes in a year lives in ``<CODE>@<YYYY-YY>.sql``; the versions' years must not
overlap, and years outside the supported window are ignored, so rolling over to a new year is
adding the year, plus a file for each rule that really changed. Templates see the rule context
(``year``, ``collection_start``, ``collection_end``, ``previous_start``, ``previous_end``,
``la_code``) and the code lists (``codes``, ``retired_codes``, ``crosswalk``: see codes.py), never
a year conditional.

The DfE catalogue is the first pack. A council's pack is a folder of rule files in the same format
(``--rules-dir``; subfolders allowed) whose codes may not clash with the DfE's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from functools import lru_cache
from pathlib import Path

import yaml

from . import context
from .context import CollectionYear, RuleContext
from .dialects import memoised, transpile_cached
from .errors import UsageError
from .resources import rules_dir
from .tables import all_table_names

_HEADER = re.compile(r"^\s*/\*(.*?)\*/", re.S)
REQUIRED = ("code", "name", "message", "fields", "tables", "years")
OPTIONAL = ("needs", "severity", "source", "stage", "fix", "differs_from_peer")
SEVERITIES = ("error", "query")
SOURCES = ("dfe", "tool", "council")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the catalogue is read on every run


@lru_cache(maxsize=None)
def _jinja():
    # imported on first use: a run whose rules' SQL is all cached renders nothing (jinja2: 25 ms)
    import jinja2

    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def _template(text: str):
    return _jinja().from_string(text)


def _years(value, where: str) -> tuple[str, ...]:
    """'2023/24-2026/27', '2024/25-' (from then on), '2024/25' or a list of those -> the supported
    years covered. Years outside the supported window are ignored, not an error."""
    items = value if isinstance(value, list) else [value]
    covered: set[int] = set()
    supported = [CollectionYear.parse(y) for y in context.SUPPORTED_YEARS]
    last_supported = max(y.start_year for y in supported)
    for item in items:
        item = str(item).strip()
        try:
            if "-" in item and "/" in item:
                lo_text, hi_text = (x.strip() for x in item.split("-", 1))
                lo = CollectionYear.parse(lo_text, supported_only=False)
                hi = CollectionYear.parse(hi_text, supported_only=False) if hi_text else CollectionYear(last_supported)
                covered.update(range(lo.start_year, hi.start_year + 1))
            else:
                covered.add(CollectionYear.parse(item, supported_only=False).start_year)
        except UsageError:
            raise UsageError(f"{where}: years {item!r} is not like 2023/24, 2023/24-2024/25 or 2024/25-") from None
    return tuple(str(y) for y in supported if y.start_year in covered)


# The caveat the DfE writes into some messages: the rule looks back further than last year, which
# the tool does not see (reports list the rules that carry it).
TWO_YEAR_NOTE = "can only test the current and previous year"


def two_year_caveat(message: str) -> bool:
    return TWO_YEAR_NOTE in " ".join((message or "").split())


def code_sort_key(code: str):
    """Numeric codes in number order, then lettered families (INT, SW...) by name."""
    m = re.match(r"^(\d+)(.*)$", code)
    return (0, int(m.group(1)), m.group(2)) if m else (1, 0, code)


def default_source(code: str) -> str:
    """INT checks are the tool's own consistency checks between tables; the rest are the DfE's."""
    return "tool" if code.upper().startswith("INT") else "dfe"


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
    needs: tuple[str, ...] = ()     # tables that must be present although the query does not read them
    severity: str = "error"
    source: str = "dfe"
    stage: int | None = None        # the DfE stage of the social worker (SW) rules: 1 or 2
    fix: dict | list | None = field(default=None, compare=False, hash=False)  # fixes/spec.py reads it

    def applies_to(self, year: CollectionYear) -> bool:
        return str(year) in self.years

    def requires(self) -> tuple[str, ...]:
        """The staging tables this rule needs, through the derived relations it reads."""
        from .derived import base_tables

        return base_tables(self.tables + self.needs)

    @property
    def needs_la(self) -> bool:
        """The rule compares with the council's own LA code ({{ la_code }} / {{ la_ons }}, or
        episode_places' pl_location, which is IN/OUT of it): without --la it cannot flag anything."""
        return re.search(r"\bla_(?:code|ons)\b|\bpl_location\b", self.template) is not None

    def render(self, ctx: RuleContext, **overrides) -> str:
        """Portable SQL for this context (Jinja rendered, helpers not yet expanded). ``overrides``
        replace template functions (the lint renders codes() unexpanded)."""
        import jinja2

        from .codes import template_functions

        try:
            return _template(self.template).render(
                **{**ctx.jinja_vars(), **template_functions(ctx.year), **overrides}).strip().rstrip(";")
        except (jinja2.TemplateError, UsageError) as e:
            raise UsageError(f"{self.path.name}: template error: {e}") from None

    def sql(self, ctx: RuleContext, dialect: str = "duckdb", pretty: bool = False) -> str:
        """The rule in ``dialect``, cached by what rendering reads (template, context, code lists):
        rendering 317 templates cost more than a 10k-child return's rules took to run."""
        from .codes import render_key

        def make() -> str:
            try:
                return transpile_cached(self.render(ctx), dialect, pretty, single=True)
            except UsageError as e:
                raise UsageError(f"{self.path.name}: a rule must be exactly one SELECT ({e})") from None

        return memoised(render_key(self.template, ctx), dialect, pretty, make)


def known_relations() -> set[str]:
    from .derived import derived_names

    return set(all_table_names()) | set(derived_names())


def read_metadata(path: Path, shown: str | None = None) -> tuple[dict, str]:
    """The YAML metadata of a leading ``/* ... */`` block and the template after it (rule files and
    derived relations share the format). ``shown`` names the file in messages."""
    shown = shown or str(path)
    text = path.read_text(encoding="utf-8")
    m = _HEADER.match(text)
    if not m:
        raise UsageError(f"{shown}: no /* metadata */ block at the top")
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as e:
        raise UsageError(f"{shown}: metadata is not YAML: {' '.join(str(e).split())}") from None
    return meta, text[m.end():]


def _read(path: Path, source: str | None = None) -> Rule:
    """One rule file. ``source`` forces the rule's source (a council pack's rules are 'council')."""
    meta, template = read_metadata(path)
    missing = [k for k in REQUIRED if k not in meta]
    if missing:
        raise UsageError(f"{path}: metadata lacks {', '.join(missing)}")
    unknown_keys = sorted(set(meta) - set(REQUIRED) - set(OPTIONAL))
    if unknown_keys:
        raise UsageError(f"{path}: unknown metadata {', '.join(unknown_keys)} "
                         f"(known: {', '.join(REQUIRED + OPTIONAL)})")
    code = str(meta["code"])
    if not (path.stem == code or path.stem.startswith(code + "@")):
        raise UsageError(f"{path}: file name does not match code {code}")
    tables = tuple(str(t) for t in meta["tables"])
    needs = tuple(str(t) for t in meta.get("needs") or ())
    unknown = [t for t in tables + needs if t not in known_relations()]
    if unknown:
        raise UsageError(f"{path}: unknown table(s) {', '.join(unknown)}")
    severity = str(meta.get("severity") or "error")
    if severity not in SEVERITIES:
        raise UsageError(f"{path}: severity {severity!r}: choose {' or '.join(SEVERITIES)}")
    declared = str(meta.get("source") or default_source(code))
    if declared not in SOURCES:
        raise UsageError(f"{path}: source {declared!r}: choose one of {', '.join(SOURCES)}")
    stage = meta.get("stage")
    if stage is not None and stage not in (1, 2):
        raise UsageError(f"{path}: stage {stage!r}: the DfE stages are 1 and 2")
    named = re.search(r"STG([12])$", code, re.I)
    if named and stage != int(named.group(1)):
        raise UsageError(f"{path}: code {code} is a stage {named.group(1)} rule: say stage: {named.group(1)}")
    fix = meta.get("fix")
    if fix is not None and not isinstance(fix, (dict, list)):
        raise UsageError(f"{path}: fix must be a mapping or a list of them (see validator903/fixes/spec.py)")
    rule = Rule(code=code, name=str(meta["name"]), message=" ".join(str(meta["message"]).split()),
                fields=tuple(str(f) for f in meta["fields"]), tables=tables, years=_years(meta["years"], path.name),
                path=path, template=template, differs_from_peer=str(meta.get("differs_from_peer") or "").strip(),
                needs=needs, severity=severity, source=source or declared, stage=stage, fix=fix)
    if fix is not None:  # a broken fix declaration stops the catalogue loading, like broken metadata
        from .fixes.spec import parse_fixes
        parse_fixes(rule)
    return rule


def _check_versions(rules: tuple[Rule, ...]) -> None:
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


def _check_unique_codes(rules: tuple[Rule, ...]) -> None:
    """Codes are unique case-insensitively: 197a and 197A would be one rule to a person."""
    spelled: dict[str, str] = {}
    for r in rules:
        other = spelled.setdefault(r.code.lower(), r.code)
        if other != r.code:
            raise UsageError(f"rule codes {other} and {r.code} differ only in case")


def _sorted(rules) -> tuple[Rule, ...]:
    return tuple(sorted(rules, key=lambda r: (code_sort_key(r.code), r.years)))


_LISTS = ("fields", "tables", "years", "needs")   # tuples in a Rule, lists when stored


def _stored(rule: Rule) -> dict:
    d = {f.name: getattr(rule, f.name) for f in dataclass_fields(Rule)}
    d.update({k: list(d[k]) for k in _LISTS}, path=str(rule.path))
    return d


def _from_stored(d: dict) -> Rule:
    return Rule(**{**d, **{k: tuple(d[k]) for k in _LISTS}, "path": Path(d["path"])})


def _read_catalogue(folder: Path) -> tuple[Rule, ...]:
    """The rules of ``folder``: the bundled catalogue from the on-disk cache when none of its files,
    nor the code reading them, has changed (validator903.rule_cache). Other folders (a test's
    broken copy) are parsed every time."""
    from . import rule_cache

    files = sorted(folder.glob("*.sql"))
    if folder != rules_dir():
        return _sorted(_read(p) for p in files)
    key = rule_cache.key(files)
    stored = rule_cache.load(key)
    if stored is not None:
        try:
            return tuple(_from_stored(d) for d in stored)   # stored in catalogue order
        except (TypeError, KeyError):
            pass  # not the form this code stores: parse again
    rules = _sorted(_read(p) for p in files)
    rule_cache.save(key, [_stored(r) for r in rules])
    return rules


@lru_cache(maxsize=None)
def dfe_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    """The DfE catalogue (with the tool's INT checks): ``rules_sql/*.sql``. Its subfolders hold data
    (``codes/``) and the derived relations (``derived/``), not rules."""
    rules = _read_catalogue(folder or rules_dir())
    _check_versions(rules)
    _check_unique_codes(rules)
    return rules


@lru_cache(maxsize=None)
def pack_rules(folder: Path) -> tuple[Rule, ...]:
    """A council's pack: every ``*.sql`` under ``folder``, subfolders included. Its codes must not
    clash with the DfE catalogue's, case-insensitively."""
    if not folder.is_dir():
        raise UsageError(f"--rules-dir {folder}: not a folder")
    rules = _sorted(_read(p, source="council") for p in sorted(folder.rglob("*.sql")))
    if not rules:
        raise UsageError(f"--rules-dir {folder}: no rule files (*.sql) in it")
    dfe = {r.code.lower(): r.code for r in dfe_rules()}
    for r in rules:
        if r.code.lower() in dfe:
            raise UsageError(f"{r.path}: code {r.code} clashes with the DfE rule {dfe[r.code.lower()]}; "
                             "give the council rule a code of its own (e.g. prefix it with your LA code)")
    _check_versions(rules)
    _check_unique_codes(rules)
    return rules


# The packs in use for this process: set once by the command line from --rules-dir, so that every
# path that lists rules (validate, compile, run, the warehouse deployment) sees the same catalogue.
_packs: tuple[Path, ...] = ()


def use_packs(folders) -> None:
    global _packs
    _packs = tuple(Path(f).resolve() for f in folders or ())
    combined = dfe_rules() + tuple(r for f in _packs for r in pack_rules(f))
    _check_unique_codes(combined)  # two packs may not share a code either


def all_rules() -> tuple[Rule, ...]:
    """The DfE catalogue plus the packs in use, in code order."""
    return _sorted(dfe_rules() + tuple(r for f in _packs for r in pack_rules(f)))


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
