"""The BI contract: what a dashboard reads from the deployed schema, with no join needed.

    errors               one row per flagged row (ERROR_COLUMNS), recomputed on every read
    v903_error_history   what `snapshot` appended: one snapshot_id per snapshot, keyed
    errors_latest        the newest snapshot: the materialised form, for dashboards that refresh

A flagged row is identified by (code, table_name, child, natural_key): ``row_no`` is the source's
row number only when the mapping supplies one (``row_no:``); otherwise it is computed and may
shift when rows are added. The SQL here is portable and goes through the dialect layer.
"""
from __future__ import annotations

from ..reports.data import BLANK, LOCATORS
from ..rules import Rule
from ..tables import DERIVED, is_reference, spec_for

# (name, portable type, what it holds): the errors view's columns, in order. The first six are
# the original contract; the rest were appended, so a dashboard built on the six keeps working.
ERROR_COLUMNS = (
    ("code", "text", "the rule code, e.g. 103"),
    ("table_name", "text", "the 903 table of the flagged row (episodes, header, ...)"),
    ("row_no", "integer", "its row number (the mapping's row_no column, else computed)"),
    ("child", "text", "CHILD of the flagged row"),
    ("message", "text", "the DfE message"),
    ("fields", "text", "the fields the rule checks, ';'-separated"),
    ("collection_year", "text", "e.g. 2025/26 (from v903_parameters)"),
    ("la_code", "text", "the local authority code (from v903_parameters)"),
    ("rule_name", "text", "the rule's short name"),
    ("severity", "text", "error, or query (a check the DfE lets you confirm instead of fix)"),
    ("source", "text", "dfe, tool (the INT checks) or council (a council's own pack)"),
    ("natural_key", "text", "what tells the row apart within the child: DECOM 01/04/2025, REVIEW ..., "
                            "MIS_START ...; empty for one-row-per-child tables"),
    ("flagged_values", "text", "FIELD: value for each checked field the table has, as written "
                               f"({BLANK} for an empty cell)"),
)


def severity(rule: Rule) -> str:
    return getattr(rule, "severity", None) or "error"


def source(rule: Rule) -> str:
    return getattr(rule, "source", None) or ("tool" if rule.code.upper().startswith("INT") else "dfe")


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _shown(expr: str) -> str:
    return f"COALESCE(NULLIF(ssda_trim({expr}), ''), {_lit(BLANK)})"


def _values(rule: Rule, table: str, alias: str) -> str | None:
    spec = spec_for(table)
    derived = DERIVED.get(spec.name, ())
    parts = []
    for f in rule.fields:
        f = f.strip().upper()
        if f in spec.dates:
            parts.append((f, f"{alias}.{f.lower()}_raw"))
        elif f in spec.codes or f in derived:
            parts.append((f, f"{alias}.{f.lower()}"))
    if not parts:
        return None
    return " || '; ' || ".join(f"{_lit(f + ': ')} || {_shown(e)}" for f, e in parts)


def _key(table: str, alias: str) -> str | None:
    loc = LOCATORS.get(spec_for(table).name)
    return f"{_lit(loc + ' ')} || {_shown(f'{alias}.{loc.lower()}_raw')}" if loc else None


def rule_branch(rule: Rule, schema: str, view: str, staged: set[str], pooled: bool = False) -> str:
    """Portable SELECT of one rule's rows with their natural key and flagged values: each table
    the rule reads is joined on row_no, only for the rows flagged in that table."""
    joins, keys, values = [], [], []
    # the staging tables behind what the rule reads (derived relations included): flagged rows
    # always name a staging table
    for i, table in enumerate(t for t in rule.requires() if t in staged):
        alias = f"x{i}"
        # pooled: row numbers are per council (reference data carries none: every council's)
        same_la = f" AND {alias}.v903_la = e.v903_la" if pooled and not is_reference(table) else ""
        joins.append(f"LEFT JOIN {schema}.{table} AS {alias} ON e.table_name = {_lit(table)} AND {alias}.row_no = e.row_no"
                     f"{same_la}")
        key, vals = _key(table, alias), _values(rule, table, alias)
        if key:
            keys.append(f"WHEN {_lit(table)} THEN {key}")
        if vals:
            values.append(f"WHEN {_lit(table)} THEN {vals}")
    key_sql = f"CASE e.table_name {' '.join(keys)} END" if keys else "v903_null_text()"
    vals_sql = f"CASE e.table_name {' '.join(values)} END" if values else "v903_null_text()"
    return (f"SELECT DISTINCT {_lit(rule.code)} AS code, e.table_name, e.row_no, e.child, "
            f"{key_sql} AS natural_key, {vals_sql} AS flagged_values"
            f"{', e.v903_la' if pooled else ''} FROM {schema}.{view} AS e " + " ".join(joins))


def errors_select(branches: list[str], schema: str, catalogue: str, params: str, dual: str,
                  pooled: bool = False) -> str:
    """The errors view: every rule's rows, the catalogue's words and the parameters' year. With
    no parameters row there is one row saying so (an empty v903_parameters would otherwise make
    every date rule silently flag nothing)."""
    guard = (f"SELECT 'V903' AS code, {_lit(params)} AS table_name, 0 AS row_no, v903_null_text() AS child, "
             f"v903_null_text() AS natural_key, v903_null_text() AS flagged_values"
             f"{', v903_null_text() AS v903_la' if pooled else ''}{dual} "
             f"WHERE NOT EXISTS (SELECT 1 FROM {schema}.{params})")
    union = "\nUNION ALL\n".join([*branches, guard])
    la = "COALESCE(u.v903_la, p.la_code) AS la_code" if pooled else "p.la_code"  # pooled: each row's council
    return (f"SELECT u.code, u.table_name, u.row_no, u.child, c.message, c.fields, p.collection_year, {la}, "
            f"c.name AS rule_name, c.severity, c.source, u.natural_key, u.flagged_values\n"
            f"FROM (\n{union}\n) AS u\nJOIN {schema}.{catalogue} AS c ON c.code = u.code\n"
            f"LEFT JOIN {schema}.{params} AS p ON 1 = 1")


PARAMS_MISSING = ("V903", "parameters_missing",
                  "v903_parameters has no row: no date rule can run. Insert the collection year's row "
                  "(02_tables.sql) before reading the errors.")


def history_columns(text, timestamp: str) -> str:
    """v903_error_history: the errors view's columns after a snapshot id and time."""
    types = {"text": None, "integer": "INTEGER"}
    widths = {"code": 16, "table_name": 40, "child": 64, "message": 1000, "fields": 200, "collection_year": 7,
              "la_code": 3, "rule_name": 80, "severity": 5, "source": 10, "natural_key": 200, "flagged_values": 2000}
    cols = [f"snapshot_id INTEGER NOT NULL", f"snapshot_at {timestamp} NOT NULL"]
    for name, kind, _ in ERROR_COLUMNS:
        sql_type = types[kind] or text(widths[name])
        cols.append(f"{name} {sql_type}" + (" NOT NULL" if name in ("code", "table_name", "row_no") else ""))
    return ", ".join(cols)


HISTORY_KEY = ("snapshot_id", "code", "table_name", "row_no")
