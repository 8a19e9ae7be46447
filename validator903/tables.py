"""The twelve SSDA903 tables (canonical names, CSV columns, date columns), and the reference tables.

Canonical names are snake_case and double as the standard CSV file names; the previous
year's copies carry a ``_last`` suffix. Column names are the 903 CSV headers; in SQL they
are lower-cased. Every listed column must be present in a CSV for the table to load
(values may be blank).

Reference tables (kind "reference") are not part of a return: bundled data (``la_codes``) or a file
the user supplies with an option (``postcodes`` from ``--postcodes FILE``). They have no ``_last``
copy, their raw columns are the source file's (NSPL names for postcodes), and ``staged`` gives the
portable expression of each canonical staged column over the raw row ``r``. Staging, ``row_no``,
the test harness, ``Rule.requires()`` and the skip status treat them as any other table.
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
    kind: str = "return"      # "return": a 903 table; "reference": bundled or user-supplied data
    option: str | None = None  # reference data the user supplies: the option that does, "--postcodes FILE"
    # reference tables: (staged column, "text" or "integer", portable expression over the raw row
    # r), in order; when empty, codes are trimmed text and dates parsed, as for a 903 table
    staged: tuple[tuple[str, str, str], ...] = ()

    @property
    def is_reference(self) -> bool:
        return self.kind == "reference"

    @property
    def staged_text(self) -> tuple[str, ...]:
        """Staged columns holding text (SQL Server gives them the binary collation)."""
        if self.staged:
            return tuple(c for c, kind, _ in self.staged if kind == "text")
        return tuple(c.lower() for c in self.codes) + tuple(c.lower() + "_raw" for c in self.dates)

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

def _key(name: str, col: str) -> tuple[str, str, str]:
    """A postcode as a join key: upper case, every space removed ('ab1  2cd' -> 'AB12CD')."""
    return name, "text", f"ssda_postcode_key(r.{col})"


def _text(name: str, col: str) -> tuple[str, str, str]:
    return name, "text", f"ssda_staged_text(r.{col})"


def _int(name: str, col: str) -> tuple[str, str, str]:
    """Whole numbers (grid references: 7 digits at most); a blank, or anything else, is NULL."""
    v = f"ssda_trim(r.{col})"
    return name, "integer", f"CASE WHEN ssda_is_integer_text({v}) AND ssda_len({v}) <= 9 THEN ssda_to_int({v}) END"


REFERENCE: tuple[TableSpec, ...] = (
    # DfE 3-digit LA codes with their ONS codes (rules_sql/reference/la_codes.csv): always staged.
    TableSpec("la_codes", "LACodes", ("DFE_CODE", "ONS_CODE", "NAME", "VALID_FROM", "VALID_TO"),
              ("VALID_FROM", "VALID_TO"), kind="reference"),
    # An ONS postcode directory (NSPL or ONSPD; the loader maps ONSPD's oslaua/oscty to these
    # names). utla is the upper-tier LA: the county (E10) where there is one, else the district.
    TableSpec("postcodes", "Postcodes", ("PCD", "PCDS", "LAUA", "CTY", "OSEAST1M", "OSNRTH1M", "DOTERM"), (),
              kind="reference", option="--postcodes FILE",
              staged=(_key("pcd_key", "PCD"), _text("pcds", "PCDS"), _text("laua", "LAUA"),
                      ("utla", "text", "CASE WHEN ssda_trim(r.CTY) LIKE 'E10%' THEN ssda_trim(r.CTY) "
                                       "ELSE NULLIF(ssda_trim(r.LAUA), '') END"),
                      _int("oseast1m", "OSEAST1M"), _int("osnrth1m", "OSNRTH1M"), _text("doterm", "DOTERM"))),
    # The Ofsted provider lists (--providers; load/providers.py reads every layout into these raw
    # columns): one row per list row, staged as a 903 table is (codes trimmed, REG_END a date), and
    # one row per URN and placement code / placement provider code the lists give it.
    TableSpec("providers", "ProviderInfo",
              ("URN", "PROVIDER_TYPE", "PLACES", "PROVIDER_CODES", "REG_END", "POSTCODE", "LA_NAME", "LIST"),
              ("REG_END",), kind="reference", option="--providers FILE"),
    TableSpec("provider_places", "ProviderPlaces", ("URN", "PLACE"), (), kind="reference", option="--providers FILE"),
    TableSpec("provider_provider_codes", "ProviderCodes", ("URN", "PLACE_PROVIDER"), (), kind="reference",
              option="--providers FILE"),
)

BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES + REFERENCE}
LAST_SUFFIX = "_last"

# Columns derived while loading, not read from a CSV: header.UASC is 1 when the child has a
# UASC row (CSV) or the XML <UASC> flag (XML), as DfE derives it.
DERIVED = {"header": ("UASC",)}


def spec_for(table: str) -> TableSpec:
    """The spec of a canonical table name, with or without the ``_last`` suffix."""
    if table in BY_NAME:
        return BY_NAME[table]
    spec = BY_NAME[table[: -len(LAST_SUFFIX)]] if table.endswith(LAST_SUFFIX) else None
    if spec is None or spec.is_reference:  # reference data has no last year's copy
        raise KeyError(table)
    return spec


def all_table_names() -> list[str]:
    """Every staging table: the 903 tables, their ``_last`` copies and the reference tables."""
    return [t.name for t in TABLES] + [t.name + LAST_SUFFIX for t in TABLES] + [t.name for t in REFERENCE]


def is_reference(table: str) -> bool:
    return table in BY_NAME and BY_NAME[table].is_reference


def last_of(table: str) -> str:
    """Last year's form of a relation read by a derived relation: reference data has only one."""
    return table if is_reference(table) else table + LAST_SUFFIX
