"""The ``fix:`` declaration of a rule, and the one portable SELECT it compiles to.

A rule file may declare one fix or a list of them in its metadata::

    fix:
      kind: code           # code | date | sql
      field: SEX           # the field the fix writes (one of the rule's fields)
      table: header        # optional when the rule reads one table holding the field
      confidence: certain  # certain (cannot be wrong) or suggested (a person decides); code/date: certain

``code`` writes a code in the year's coding: surrounding non-breaking spaces, tabs, zero-width
spaces and BOMs removed (staging already trims spaces), upper-cased, read through the field's
crosswalk (SEX 1/2 -> M/F from 2024/25), and proposed only when the result is one of the year's
valid codes. ``date`` rewrites a date written in another unambiguous form (2025-04-01,
``01/04/2025 00:00:00``, ``2025-04-01T00:00:00``) as dd/mm/yyyy. ``sql`` is a Jinja template of
one portable SELECT over staging and derived relations (the rules' vocabulary, linted the same
way) returning ``table_name, row_no, new, reason``; ``tables`` lists what it reads.

Every fix compiles to one SELECT returning ``table_name, row_no, field, old, new, confidence,
reason`` for every row it can correct; a fix applies only to the rows its rule flags (the caller
joins it with that rule's errors), so a fix never changes a row no rule complains about.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..context import RuleContext
from ..errors import UsageError
from ..tables import BY_NAME, spec_for

KINDS = ("code", "date", "sql")
CONFIDENCES = ("certain", "suggested")
RESULT_COLUMNS = ["table_name", "row_no", "new", "reason"]
# characters that look like a space or like nothing, which staging keeps (it trims spaces only)
INVISIBLE = ("\u00a0", "\t", "\u200b", "\ufeff")


@dataclass(frozen=True)
class Fix:
    code: str            # the rule's code
    kind: str
    field: str           # 903 column, upper case
    table: str           # canonical table the field is written in
    confidence: str
    template: str        # kind sql: the user's SELECT (Jinja); else generated
    tables: tuple[str, ...]   # relations the fix's SELECT reads
    where: str           # where it was declared, for messages

    @property
    def column(self) -> str:
        return self.field.lower()

    @property
    def is_date(self) -> bool:
        return self.field in spec_for(self.table).dates

    def requires(self) -> tuple[str, ...]:
        from ..derived import base_tables

        return base_tables(self.tables)

    def render(self, ctx: RuleContext) -> str:
        """The fix's own portable SELECT (table_name, row_no, new, reason), Jinja rendered."""
        from ..codes import template_functions
        from ..rules import _template

        try:
            return _template(self.template).render(
                **{**ctx.jinja_vars(), **template_functions(ctx.year)}).strip().rstrip(";")
        except Exception as e:
            raise UsageError(f"{self.where}: fix template error: {e}") from None

    def select(self, ctx: RuleContext) -> str:
        """Portable SELECT of the whole fix: the rows it would correct, with the field's old value
        as staged (a date's original text)."""
        old = f"o.{self.column}_raw" if self.is_date else f"o.{self.column}"
        return (f"SELECT f.table_name, f.row_no, '{self.field}' AS field, {old} AS old, f.new, "
                f"'{self.confidence}' AS confidence, f.reason FROM ({self.render(ctx)}) AS f "
                f"JOIN {self.table} AS o ON o.row_no = f.row_no WHERE f.new IS NOT NULL")

    def sql(self, ctx: RuleContext, dialect: str = "duckdb") -> str:
        """Cached like a rule's SQL, by what it is made of (this module's text included: select()
        wraps the template)."""
        from ..codes import codes_version
        from ..dialects import memoised, transpile_cached

        key = "\0".join([self.template, self.field, self.table, self.confidence,
                          repr(sorted(ctx.jinja_vars().items())), codes_version(), _module_version()])
        return memoised(key, dialect, False, lambda: transpile_cached(self.select(ctx), dialect, single=True))


@lru_cache(maxsize=None)
def _module_version() -> str:
    import hashlib

    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _clean(col: str) -> str:
    """The value without the invisible characters staging keeps, trimmed."""
    expr = col
    for ch in INVISIBLE:
        expr = f"REPLACE({expr}, '{ch}', ' ')"
    return f"ssda_trim({expr})"


def _code_template(table: str, field: str) -> str:
    col = f"t.{field.lower()}"
    clean = f"UPPER({_clean(col)})"
    new = '{{ crosswalk("%s", "%s") }}' % (field, clean)  # a Jinja string: the SQL holds no double quote
    return (f"SELECT '{table}' AS table_name, t.row_no, {new} AS new, "
            f"CASE WHEN {clean} IN {{{{ codes('{field}') }}}} THEN "
            f"'the valid code written with other case or stray whitespace' "
            f"ELSE 'the code of the old coding, read in this year''s coding' END AS reason "
            f"FROM {table} AS t WHERE {col} IS NOT NULL AND {new} IN {{{{ codes('{field}') }}}} "
            f"AND NOT ssda_eq_cs({col}, {new})")


def _date_template(table: str, field: str) -> str:
    """2025-04-01 (optionally with a midnight time) and dd/mm/yyyy with a midnight time, as a
    date; built from its parts (no string concatenation: Oracle's CONCAT takes two arguments)."""
    raw = _clean(f"t.{field.lower()}_raw")
    part = lambda start, n: f"SUBSTRING({raw}, {start}, {n})"
    y, m, d = (f"ssda_to_int({part(1, 4)})", f"ssda_to_int({part(6, 2)})", f"ssda_to_int({part(9, 2)})")
    iso_shape = (f"{part(5, 1)} = '-' AND {part(8, 1)} = '-' AND ssda_is_digits({part(1, 4)}) "
                 f"AND ssda_is_digits({part(6, 2)}) AND ssda_is_digits({part(9, 2)}) "
                 f"AND (ssda_len({raw}) = 10 OR (ssda_len({raw}) = 19 AND {part(11, 9)} IN (' 00:00:00', 'T00:00:00')))")
    iso_date = (f"ssda_add_days(ssda_add_months(ssda_date('2000-01-01'), ({y} - 2000) * 12 + {m} - 1), {d} - 1)")
    timed = lambda suffix: (f"ssda_len({raw}) > {len(suffix)} AND "
                            f"SUBSTRING({raw}, ssda_len({raw}) - {len(suffix) - 1}, {len(suffix)}) = '{suffix}'")
    cut = lambda suffix: f"ssda_parse_date(SUBSTRING({raw}, 1, ssda_len({raw}) - {len(suffix)}))"
    return (f"SELECT '{table}' AS table_name, c.row_no, ssda_format_date(c.d) AS new, c.reason FROM ("
            f"SELECT t.row_no, CASE "
            f"WHEN {iso_shape} AND {m} BETWEEN 1 AND 12 AND {y} BETWEEN 1678 AND 2261 THEN {iso_date} "
            f"WHEN {timed(' 00:00:00')} THEN {cut(' 00:00:00')} "
            f"WHEN {timed(' 00:00')} THEN {cut(' 00:00')} END AS d, "
            f"CASE WHEN {iso_shape} THEN {d} END AS iso_day, "
            f"CASE WHEN {iso_shape} THEN 'the same date written yyyy-mm-dd; the 903 form is dd/mm/yyyy' "
            f"ELSE 'the same date with a midnight time (an Excel date-time); the 903 form is dd/mm/yyyy' END AS reason "
            f"FROM {table} AS t WHERE t.{field.lower()} IS NULL AND t.{field.lower()}_raw IS NOT NULL) AS c "
            # the ISO parts must be a real day of that month (31/02 is no date): check it came back whole
            f"WHERE c.d IS NOT NULL AND (c.iso_day IS NULL OR EXTRACT(DAY FROM c.d) = c.iso_day)")


def _table_for(rule, field: str, given, where: str) -> str:
    if given is not None:
        table = str(given)
        if table not in BY_NAME:
            raise UsageError(f"{where}: fix table {table!r} is not a 903 table of this year")
        if field not in BY_NAME[table].columns:
            raise UsageError(f"{where}: fix field {field} is not a column of {table}")
        return table
    holders = [t for t in rule.tables if t in BY_NAME and field in BY_NAME[t].columns]
    if len(holders) != 1:
        raise UsageError(f"{where}: say which table the fix writes (table:); the rule reads "
                         f"{', '.join(rule.tables)}")
    return holders[0]


def parse_fixes(rule) -> tuple[Fix, ...]:
    """The fixes a rule declares (``fix:`` a mapping or a list of them)."""
    if rule.fix is None:
        return ()
    items = rule.fix if isinstance(rule.fix, list) else [rule.fix]
    fixes = []
    for i, item in enumerate(items):
        where = f"{rule.path.name}: fix" + (f" {i + 1}" if len(items) > 1 else "")
        if not isinstance(item, dict):
            raise UsageError(f"{where}: each fix is a mapping (kind, field, ...)")
        unknown = sorted(set(item) - {"kind", "field", "table", "confidence", "sql", "tables"})
        if unknown:
            raise UsageError(f"{where}: unknown key(s) {', '.join(unknown)} (known: kind, field, table, "
                             "confidence, sql, tables)")
        kind = str(item.get("kind") or "")
        if kind not in KINDS:
            raise UsageError(f"{where}: kind {kind!r}: choose one of {', '.join(KINDS)}")
        field = str(item.get("field") or "").upper()
        if not field:
            raise UsageError(f"{where}: name the field it writes (field:)")
        table = _table_for(rule, field, item.get("table"), where)
        confidence = str(item.get("confidence") or ("certain" if kind != "sql" else ""))
        if confidence not in CONFIDENCES:
            raise UsageError(f"{where}: confidence {confidence!r}: choose certain or suggested")
        if kind == "sql":
            if not item.get("sql") or not item.get("tables"):
                raise UsageError(f"{where}: a sql fix gives sql: (a SELECT of {', '.join(RESULT_COLUMNS)}) "
                                 "and tables: (what it reads)")
            template, tables = str(item["sql"]), tuple(str(t) for t in item["tables"])
        else:
            if item.get("sql") or item.get("tables"):
                raise UsageError(f"{where}: sql: and tables: belong to kind sql")
            if kind == "date" and field not in BY_NAME[table].dates:
                raise UsageError(f"{where}: {field} is not a date column of {table}")
            if kind == "code" and field in BY_NAME[table].dates:
                raise UsageError(f"{where}: {field} is a date: use kind date")
            template = _code_template(table, field) if kind == "code" else _date_template(table, field)
            tables = (table,)
        fixes.append(Fix(rule.code, kind, field, table, confidence, template, tables, where))
    return tuple(fixes)


def fixes_for(rules) -> list[Fix]:
    return [f for r in rules for f in parse_fixes(r)]
