"""The twelve SSDA903 tables: canonical names, CSV columns, date columns, XML placement.

Canonical names are snake_case and double as the standard CSV file names; the previous
year's copies carry a ``_last`` suffix. Column names are the 903 CSV headers; in SQL they
are lower-cased. Every listed column must be present in a CSV for the table to load
(values may be blank).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    name: str                 # canonical snake_case name, e.g. "placed_for_adoption"
    peer_name: str            # the name DfE/peer tooling uses, e.g. "PlacedAdoption"
    columns: tuple[str, ...]  # CSV header columns, in DfE order
    dates: tuple[str, ...]    # columns holding dd/mm/yyyy dates
    first_year: int = 2000    # first collection (start year) the table exists in

    @property
    def codes(self) -> tuple[str, ...]:
        """Columns staged as trimmed text (everything that is not a date)."""
        return tuple(c for c in self.columns if c not in self.dates)


TABLES: tuple[TableSpec, ...] = (
    TableSpec("header", "Header", ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
              ("DOB", "MC_DOB")),
    TableSpec("episodes", "Episodes",
              ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
               "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
              ("DECOM", "DEC")),
    TableSpec("reviews", "Reviews", ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"), ("DOB", "REVIEW")),
    TableSpec("uasc", "UASC", ("CHILD", "SEX", "DOB", "DUC"), ("DOB", "DUC")),
    TableSpec("oc2", "OC2",
              ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
               "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
               "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
              ("DOB",)),
    TableSpec("oc3", "OC3", ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"), ("DOB",)),
    TableSpec("ad1", "AD1",
              ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
               "SEX_ADOPTR", "LS_ADOPTR"),
              ("DOB", "DATE_INT", "DATE_MATCH")),
    TableSpec("placed_for_adoption", "PlacedAdoption",
              ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
              ("DOB", "DATE_PLACED", "DATE_PLACED_CEASED")),
    # DATE_PERM may legitimately hold ZZ for an unknown day or month, so it stays text.
    TableSpec("previous_permanence", "PrevPerm", ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
              ("DOB",)),
    TableSpec("missing", "Missing", ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
              ("DOB", "MIS_START", "MIS_END")),
    TableSpec("sw_episodes", "SWEpisodes", ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
              ("DOB", "SW_DECOM", "SW_DEC"), first_year=2023),
    TableSpec("dolo", "DoLo", ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
              ("DOB", "DOLO_START", "DOLO_END"), first_year=2026),
)

BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
LAST_SUFFIX = "_last"

# Columns derived while loading, not read from a CSV: header.UASC is 1 when the child has a
# UASC row (CSV) or the XML <UASC> flag (XML), as DfE derives it.
DERIVED = {"header": ("UASC",)}


def spec_for(table: str) -> TableSpec:
    """The spec of a canonical table name, with or without the ``_last`` suffix."""
    return BY_NAME[table[: -len(LAST_SUFFIX)] if table.endswith(LAST_SUFFIX) else table]


def all_table_names() -> list[str]:
    return [t.name for t in TABLES] + [t.name + LAST_SUFFIX for t in TABLES]
