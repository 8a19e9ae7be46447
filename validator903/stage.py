"""Stage: raw all-text tables -> typed relations with canonical, lower-case names.

Codes become trimmed text with blanks as NULL (so '' and NULL are one thing on every engine,
Oracle included); each date column is parsed once with ``ssda_parse_date`` and its original
text kept as ``<col>_raw`` so "not a valid date" rules can tell blank from unparseable.
The SQL is portable and goes through the same dialect layer as the rules.
"""
from __future__ import annotations

from .dialects import generate, parse
from .tables import DERIVED, spec_for


def staging_select(table: str, source: str, typed_dates: set[str] = frozenset()) -> str:
    """Portable SELECT that stages ``table`` (canonical name, maybe _last) from ``source``.
    ``typed_dates`` are source columns that are already DATEs (warehouse tables): they pass
    through, and their text form is kept as <col>_raw."""
    spec = spec_for(table)
    cols = ["r.row_no AS row_no"]
    for c in spec.columns:
        if c in typed_dates:
            cols.append(f"r.{c} AS {c.lower()}")
            cols.append(f"ssda_format_date(r.{c}) AS {c.lower()}_raw")
        elif c in spec.dates:
            cols.append(f"ssda_parse_date(r.{c}) AS {c.lower()}")
            cols.append(f"r.{c} AS {c.lower()}_raw")
        else:
            cols.append(f"NULLIF(ssda_trim(r.{c}), '') AS {c.lower()}")
    for c in DERIVED.get(spec.name, ()):
        cols.append(f"NULLIF(ssda_trim(r.{c}), '') AS {c.lower()}")
    return "SELECT " + ", ".join(cols) + f" FROM {source} AS r"


def stage_duckdb(conn, tables: list[str]) -> None:
    """Materialise staging tables in the DuckDB ``main`` schema from ``raw``."""
    for t in tables:
        select = generate(parse(staging_select(t, f"raw.{t}"))[0], "duckdb")
        conn.execute(f"CREATE OR REPLACE TABLE main.{t} AS {select} ORDER BY row_no")
