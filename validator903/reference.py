"""Reference data: what rules read besides the return (tables.REFERENCE).

- ``la_codes``: bundled (``rules_sql/reference/la_codes.csv``), staged on every run, so a rule
  reads ``FROM la_codes`` and needs no file; ``--la`` is resolved through it (either form).
- ``postcodes``: an ONS postcode directory the user supplies (``--postcodes FILE``).

A user-supplied table has a loader in ``LOADERS``: ``loader(conn, paths, result)`` creates
``raw.<table>`` (``row_no`` and the spec's raw columns, all text) and records it in
``result.tables``; staging then types it like any table. Adding a reference table is a TableSpec
in tables.REFERENCE (with its ``option``), a loader here and a CLI option that fills the
``references`` mapping (table -> files) given to ``engine.prepare``.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .errors import UsageError
from .resources import rules_dir
from .tables import BY_NAME, REFERENCE

LA_CODES = "la_codes"


def la_codes_file() -> Path:
    return rules_dir() / "reference" / "la_codes.csv"


@lru_cache(maxsize=None)
def la_code_rows() -> tuple[dict[str, str], ...]:
    """The bundled LA codes as raw rows (the spec's upper-case column names, text as in the file)."""
    with open(la_codes_file(), encoding="utf-8", newline="") as f:
        return tuple({k.upper(): (v or "") for k, v in row.items()} for row in csv.DictReader(f))


def _current(rows):
    return [r for r in rows if not r["VALID_TO"]]


def ons_of(dfe_code: str | None) -> str | None:
    """The council's current ONS upper-tier code for a DfE 3-digit code (None when not listed)."""
    rows = _current(r for r in la_code_rows() if r["DFE_CODE"] == dfe_code)
    return rows[0]["ONS_CODE"] if rows else None


def resolve_la(text: str | None) -> str | None:
    """``--la`` as the DfE 3-digit code: given as that (kept, listed or not: a council's own test
    code such as 999 still runs) or as an ONS code (E08000003 -> 352; an unknown one is refused)."""
    if text is None:
        return None
    value = text.strip()
    if len(value) == 3 and value.isdigit():
        return value
    if len(value) == 9 and value[0].isalpha() and value[1:].isdigit():
        rows = [r for r in la_code_rows() if r["ONS_CODE"].upper() == value.upper()]
        if rows:
            return (_current(rows) or rows)[0]["DFE_CODE"]
        raise UsageError(f"--la {text!r}: no local authority with that ONS code in {la_codes_file().name} "
                         "(give the DfE 3-digit code, e.g. 352)")
    raise UsageError(f"--la {text!r} is neither a DfE 3-digit local authority code such as 352 nor an ONS code "
                     "such as E08000003")


def attach_bundled(conn, result) -> None:
    """``raw.la_codes`` from the bundled file, for every run."""
    from .engine import insert_rows
    from .load import LoadedTable

    spec = BY_NAME[LA_CODES]
    rows = la_code_rows()
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    conn.execute(f"CREATE OR REPLACE TABLE raw.{LA_CODES} (row_no BIGINT, "
                 + ", ".join(f"{c} VARCHAR" for c in spec.columns) + ")")
    insert_rows(conn, f"raw.{LA_CODES}", [(i, *(r[c] for c in spec.columns)) for i, r in enumerate(rows, start=1)])
    result.tables[LA_CODES] = LoadedTable(LA_CODES, la_codes_file(), None)


Loader = Callable[[object, list, object], None]
LOADERS: dict[str, Loader] = {}   # user-supplied reference table -> loader (filled below)


def load_references(conn, references: dict[str, list[Path]] | None, result) -> None:
    """The bundled tables, then every user-supplied one given in ``references``."""
    attach_bundled(conn, result)
    for table, paths in (references or {}).items():
        if not paths:
            continue
        if table not in LOADERS:
            raise UsageError(f"no loader for reference table {table!r}")
        LOADERS[table](conn, list(paths), result)


def user_supplied() -> list[str]:
    """The reference tables a user supplies (each needs its option), in spec order."""
    return [t.name for t in REFERENCE if t.option]


def _register() -> None:
    from .load import providers
    from .load.postcodes import load_postcodes

    LOADERS["postcodes"] = load_postcodes
    LOADERS["providers"] = providers.attach  # also provider_places, provider_provider_codes


_register()
