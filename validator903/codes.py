"""Code lists are data: one ``rules_sql/codes/<FIELD>.yml`` per coded field.

Each file lists the field's codes with the collection years they are valid in (``from`` / ``to``,
inclusive, absent meaning no limit) and, for a retired code that an episode may still carry when it
ended early enough, its ``last_date``. ``groups`` name subsets the DfE rule texts refer to
(temporary placements, youth-justice legal statuses); ``crosswalk`` maps an earlier year's codes
to the current ones (SEX 1/2 -> M/F from 2024/25).

Rules never write a field's list: they ask for the year's list in their template,
``e.place NOT IN {{ codes('PLACE') }}``, so a code-list change is a change to one data file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .context import CollectionYear
from .errors import UsageError
from .resources import rules_dir

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _year(value, where: str) -> CollectionYear | None:
    if value is None:
        return None
    try:
        return CollectionYear.parse(str(value), supported_only=False)
    except UsageError:
        raise UsageError(f"{where}: {value!r} is not a collection year like 2025/26") from None


@dataclass(frozen=True)
class Code:
    code: str
    label: str = ""
    first: CollectionYear | None = None   # first collection year the code is valid in
    last: CollectionYear | None = None    # last collection year the code is valid in
    last_date: date | None = None         # a retired code is still acceptable on an episode ended by then

    def valid_in(self, year: CollectionYear) -> bool:
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class CodeList:
    field: str
    tables: tuple[str, ...]
    codes: tuple[Code, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    crosswalk_from: CollectionYear | None = None
    crosswalk: dict[str, str] = field(default_factory=dict)

    def valid(self, year: CollectionYear, group: str | None = None) -> list[str]:
        """The codes valid in ``year`` (only those of ``group`` when given), in file order."""
        members = None
        if group is not None:
            if group not in self.groups:
                raise UsageError(f"code list {self.field} has no group {group!r} "
                                 f"(it has: {', '.join(sorted(self.groups)) or 'none'})")
            members = set(self.groups[group])
        return [c.code for c in self.codes if c.valid_in(year) and (members is None or c.code in members)]

    def retired(self, year: CollectionYear) -> list[Code]:
        """Codes no longer valid in ``year`` that an episode ended by their ``last_date`` may carry."""
        return [c for c in self.codes if c.last_date is not None and c.last is not None and c.last < year]

    def crosswalk_in(self, year: CollectionYear) -> dict[str, str]:
        if self.crosswalk_from is None or year < self.crosswalk_from:
            return {}
        return dict(self.crosswalk)


def _read(path: Path) -> CodeList:
    where = f"codes/{path.name}"
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    name = str(doc.get("field", ""))
    if name != path.stem:
        raise UsageError(f"{where}: field {name!r} does not match the file name")
    codes = []
    for item in doc.get("codes") or []:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise UsageError(f"{where}: every code must be a quoted string ({item!r})")
        last_date = item.get("last_date")
        if last_date is not None and not isinstance(last_date, date):
            raise UsageError(f"{where}: last_date of {item['code']} must be a date like 2024-03-31")
        codes.append(Code(item["code"], str(item.get("label") or ""), _year(item.get("from"), where),
                          _year(item.get("to"), where), last_date))
    seen = [c.code for c in codes]
    if len(seen) != len(set(seen)):
        raise UsageError(f"{where}: a code is listed twice")
    groups = {str(g): tuple(str(c) for c in members) for g, members in (doc.get("groups") or {}).items()}
    for g, members in groups.items():
        unknown = set(members) - set(seen)
        if unknown:
            raise UsageError(f"{where}: group {g} names unknown code(s) {', '.join(sorted(unknown))}")
    cw = doc.get("crosswalk") or {}
    return CodeList(name, tuple(str(t) for t in doc.get("tables") or ()), tuple(codes), groups,
                    _year(cw.get("from"), where), {str(k): str(v) for k, v in (cw.get("map") or {}).items()})


def codes_dir() -> Path:
    return rules_dir() / "codes"


@lru_cache(maxsize=None)
def codes_version() -> str:
    """A digest of every code list file and of this module (which writes them into SQL): SQL
    rendered from them is cached under it."""
    import hashlib

    h = hashlib.sha256(Path(__file__).read_bytes())
    for p in sorted(codes_dir().glob("*.yml")):
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=None)
def code_lists(folder: Path | None = None) -> dict[str, CodeList]:
    """Every code list, by field name."""
    return {p.stem: _read(p) for p in sorted((folder or codes_dir()).glob("*.yml"))}


def code_list(name: str) -> CodeList:
    lists = code_lists()
    if name not in lists:
        raise UsageError(f"no code list {name!r} in rules_sql/codes/ (there are: {', '.join(sorted(lists))})")
    return lists[name]


def sql_list(values: list[str]) -> str:
    """``('A', 'B')``: a parenthesised list of text literals, ready after IN."""
    if not values:
        raise UsageError("an empty code list cannot be used in IN (...)")
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def render_key(template: str, ctx) -> str:
    """Everything rendering ``template`` in ``ctx`` reads (the template, the context's values, the
    code lists): rules' and derived relations' generated SQL is cached under it."""
    return "\0".join([template, repr(sorted(ctx.jinja_vars().items())), codes_version()])


def template_functions(year: CollectionYear) -> dict:
    """What rule templates may call: the year's lists as SQL, retired codes, and crosswalks."""

    def codes(name: str, group: str | None = None) -> str:
        return sql_list(code_list(name).valid(year, group))

    def retired_codes(name: str) -> list[dict]:
        return [{"code": c.code, "last_date": c.last_date.isoformat()} for c in code_list(name).retired(year)]

    def crosswalk(name: str, expr: str) -> str:
        """``expr`` read in the year's coding: ``CASE expr WHEN '1' THEN 'M' ... ELSE expr END``
        where a crosswalk applies, else ``expr`` itself."""
        pairs = code_list(name).crosswalk_in(year)
        if not pairs:
            return expr
        whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in pairs.items())
        return f"CASE {expr} {whens} ELSE {expr} END"

    return {"codes": codes, "retired_codes": retired_codes, "crosswalk": crosswalk}
