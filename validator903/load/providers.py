"""Read the Ofsted provider lists a council downloads (``--providers FILE...``) into normalised rows.

Ofsted changes the lists' layout nearly every year, so sheets are recognised by their header
cells, never by position, and each canonical column has the header spellings seen so far:

- children's homes (CH) workbooks: ``Provider information``, or ``Settings and Inspection Info``
  with the postcode on a separate ``Address Details`` sheet (joined by URN);
- social care providers (SCP) workbooks: ``Current providers`` + ``Providers closed in …``;
- one combined ``Providers`` sheet (2023/24), or ``Providers`` + ``SA Providers`` (supported
  accommodation, from 2024/25; one row per setting, so a URN can repeat);
- a CSV with the same headers (one sheet: the file).

Every sheet with a URN column is looked at: a provider sheet has a placement code column (or is
a supported accommodation sheet), an address sheet lends its postcodes by URN, anything else (the
CH ``Registration Conditions``) is passed over with a warning. A workbook with no provider sheet,
or a provider sheet lacking a column the URN rules read, stops the run with one line naming the
file, sheet and column. Nothing here knows the rules; it only reports what the lists say.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..errors import InputError, UsageError

# The raw columns of the ``providers`` reference table, in order (all text, as staging expects).
COLUMNS = ("URN", "PROVIDER_TYPE", "PLACES", "PROVIDER_CODES", "REG_END", "POSTCODE", "LA_NAME", "LIST")

# Canonical column -> the header spellings Ofsted has used (compared lower-cased, spaces
# collapsed, apostrophes dropped), the preferred first. The CH lists call the placement codes
# "Provider Code" and the placement provider codes "Provider Placement Code"; the SCP and
# combined lists say "Placement code" and "Placement provider code".
HEADERS: dict[str, tuple[str, ...]] = {
    "urn": ("urn",),
    "provider_type": ("provider type", "provision type"),
    "places": ("placement code", "placement codes", "provider code"),
    "provider_codes": ("placement provider code", "placement provider codes", "provider placement code"),
    "reg_end": ("deregistration date", "de-registration date", "closed date", "date closed", "closure date"),
    # the setting's own address, never the owner's ("Owner postcode") nor "Postcode Area"
    "postcode": ("setting address postcode", "setting postcode", "provider postcode", "provider address postcode",
                 "postcode"),
    # where the premises are first: an SA provider's own LA can be elsewhere
    "la_name": ("local authority", "setting local authority", "provider local authority"),
}
# What each canonical column is called in an error message (Ofsted's usual spelling).
DISPLAY = {"urn": "URN", "places": "Placement code", "provider_codes": "Placement provider code",
           "reg_end": "Deregistration date", "postcode": "Setting address postcode"}

# Supported accommodation (SA Providers sheets) takes K3 placements (Ofsted-registered supported
# accommodation, from 2024/25) and, in 2023/24, H5 (so defined from 28 October 2023). The sheets
# carry no usable placement code of their own, so these are the provider's places; a code the
# sheet does give is kept as well.
SUPPORTED_ACCOMMODATION_PLACES = ("H5", "K3")
# Headers only a supported accommodation sheet has (its title is the other clue).
_SA_HEADERS = ("setting category", "setting local authority", "capacity")

# Written where a value is deliberately absent ('-' for "no closing date", 'na').
_BLANKS = {"", "-", "--", "na", "n/a", "none", "null", "not applicable"}
# A code in a list cell: K1, PR1, Z11, U1 ... (prose such as "Not provided as service is
# inspected as part of the ILACS inspection" holds none).
_CODE = re.compile(r"[A-Za-z]{1,3}[0-9]{1,2}")
_HEADER_SEARCH_ROWS = 20


@dataclass
class ProviderLists:
    rows: list[dict[str, str | None]] = field(default_factory=list)  # COLUMNS -> text or None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Sheet:
    file: Path
    title: str
    header_row: int                 # 1-based row of the header in the sheet
    columns: dict[str, int]         # canonical column -> 0-based position
    rows: list[tuple]               # data rows (after the header)

    @property
    def where(self) -> str:
        return f"sheet {self.title!r}"

    @property
    def is_supported_accommodation(self) -> bool:
        # by its title, or by its headers when it gives no placement code (a provider sheet that
        # gains a "Setting local authority" column must not turn into supported accommodation)
        return self.title.strip().lower().startswith("sa ") or ("places" not in self.columns and self.has_sa_headers)

    has_sa_headers: bool = False


def _norm(cell) -> str:
    text = "" if cell is None else str(cell)
    return re.sub(r"\s+", " ", text.replace("\u2019", "").replace("'", "")).strip().lower()


def _find_columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, spellings in HEADERS.items():
        for s in spellings:
            if s in header:
                found[name] = header.index(s)
                break
    return found


def _sheet(file: Path, title: str, rows: list[tuple]) -> _Sheet | None:
    """The sheet's header (the first row of the first few with a URN cell) and data rows."""
    for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        header = [_norm(c) for c in row]
        if "urn" in header:
            s = _Sheet(file, title, i + 1, _find_columns(header), rows[i + 1:])
            s.has_sa_headers = any(h in header for h in _SA_HEADERS)
            return s
    return None


def _xlsx_sheets(path: Path) -> list[tuple[str, list[tuple]]]:
    import openpyxl  # runtime dependency for exactly this (pyproject says why)

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        why = getattr(e, "strerror", None) or "not an .xlsx workbook (save the list as Excel .xlsx or CSV)"
        raise InputError(path, why) from None
    try:
        return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
    finally:
        wb.close()  # read-only mode keeps the file open until closed


def _csv_sheets(path: Path) -> list[tuple[str, list[tuple]]]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t|", key=first.count) if first else ","
    return [(path.stem, [tuple(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)])]


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a URN Excel holds as a number: 1234567, never 1234567.0
    if isinstance(value, datetime):
        value = value.date()
    text = str(value).strip()
    return None if text.lower() in _BLANKS else text


def _urn(value) -> str | None:
    """URNs are identifiers: text, whatever type the cell has (the 2025 lists store numbers)."""
    return _text(value)


def _codes(value) -> str | None:
    """A list cell ('PR1/PR2', 'RD1, RD2', 'U1,U2') as comma-separated codes, or None."""
    if value is None or isinstance(value, (date, datetime)):
        return None
    codes = [t for t in re.split(r"[,/;\s]+", str(value)) if _CODE.fullmatch(t)]
    return ",".join(dict.fromkeys(codes)) or None


def _date(value, sheet: _Sheet, row: int, column: str) -> str | None:
    """A closing date as dd/mm/yyyy text (staging parses it like any 903 date)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel  # a date cell that lost its format: a serial
        return from_excel(value).strftime("%d/%m/%Y")
    text = _text(value)
    if text is None:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).strftime("%d/%m/%Y")
        except ValueError:
            pass
    raise InputError(sheet.file, f"{sheet.where}: {text!r} is not a date", row=row, column=column)


def _read_file(path: Path) -> list[_Sheet | tuple[str, None]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_sheets(path)
    elif suffix == ".csv":
        raw = _csv_sheets(path)
    elif suffix == ".xls":
        raise InputError(path, "an old-style .xls workbook; open it in Excel and save it as .xlsx")
    else:
        raise InputError(path, "not an Ofsted provider list (.xlsx or .csv)")
    return [_sheet(path, title, rows) or (title, None) for title, rows in raw]


def _missing(path: Path, sheet: _Sheet, column: str) -> InputError:
    spellings = " or ".join(repr(s) for s in HEADERS[column][:3])
    return InputError(path, f"sheet {sheet.title!r} (header row {sheet.header_row}) has no "
                            f"{DISPLAY.get(column, column)} column (looked for {spellings})")


def read_file(path: Path, lists: ProviderLists) -> None:
    """Append the provider rows of one list file to ``lists``."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file (--providers takes Ofsted provider lists, .xlsx or .csv)")
    sheets = _read_file(path)
    with_urn = [s for s in sheets if isinstance(s, _Sheet)]
    providers = [s for s in with_urn if "places" in s.columns or s.is_supported_accommodation]
    addresses = [s for s in with_urn if s not in providers and "postcode" in s.columns]
    if not providers:
        if not with_urn:
            first = sheets[0][0] if sheets and isinstance(sheets[0], tuple) else "?"
            raise InputError(path, f"no sheet has a URN column in its first {_HEADER_SEARCH_ROWS} rows "
                                   f"(first sheet {first!r}); is this an Ofsted provider list?")
        raise _missing(path, with_urn[0], "places")
    postcodes: dict[str, str] = {}
    for a in addresses:  # the CH "Address Details" sheet: postcodes by URN
        for r in a.rows:
            urn = _urn(_cell(r, a.columns["urn"]))
            pc = _text(_cell(r, a.columns["postcode"]))
            if urn and pc and urn not in postcodes:
                postcodes[urn] = pc
    for s in sheets:
        if isinstance(s, tuple):
            lists.warnings.append(f"{path}: sheet {s[0]!r} has no URN column; not a provider sheet, passed over")
        elif s not in providers and s not in addresses:
            lists.warnings.append(f"{path}: sheet {s.title!r} has no placement code column; passed over")
    for s in providers:
        _read_sheet(path, s, postcodes if addresses else None, lists)


def _cell(row: tuple, i: int | None):
    return row[i] if i is not None and i < len(row) else None


def _read_sheet(path: Path, s: _Sheet, postcodes: dict[str, str] | None, lists: ProviderLists) -> None:
    """``postcodes``: by URN from the workbook's address sheets, or None when it has none."""
    sa = s.is_supported_accommodation
    needed = ["postcode"] if postcodes is None else []
    if not sa:
        needed.append("provider_codes")
    if "closed" in s.title.lower():
        needed.append("reg_end")  # the closed providers' sheet is read for its closing dates
    for column in needed:
        if column not in s.columns:
            raise _missing(path, s, column)
    c = s.columns
    label = s.title if path.suffix.lower() == ".csv" else f"{path.name}:{s.title}"
    without_urn = 0
    for n, r in enumerate(s.rows, start=s.header_row + 1):
        if all(_text(v) is None for v in r):
            continue  # a blank row is no provider
        urn = _urn(_cell(r, c["urn"]))
        if urn is None:
            without_urn += 1
            continue
        places = _codes(_cell(r, c.get("places")))
        if sa:
            places = ",".join(dict.fromkeys((places.split(",") if places else []) + list(SUPPORTED_ACCOMMODATION_PLACES)))
        postcode = _text(_cell(r, c["postcode"])) if "postcode" in c else (postcodes or {}).get(urn)
        lists.rows.append({
            "URN": urn,
            "PROVIDER_TYPE": _text(_cell(r, c.get("provider_type"))),
            "PLACES": places,
            "PROVIDER_CODES": _codes(_cell(r, c.get("provider_codes"))),
            "REG_END": _date(_cell(r, c.get("reg_end")), s, n, "Deregistration date") if "reg_end" in c else None,
            "POSTCODE": postcode,
            "LA_NAME": _text(_cell(r, c.get("la_name"))),
            "LIST": label,
        })
    if without_urn:
        lists.warnings.append(f"{path}: sheet {s.title!r}: {without_urn} row(s) without a URN passed over")


def read_provider_lists(paths: list[Path]) -> ProviderLists:
    """Every provider row of every list file, in file, sheet and row order."""
    lists = ProviderLists()
    for p in paths:
        read_file(Path(p), lists)
    if not lists.rows:
        raise UsageError(f"{', '.join(map(str, paths))}: the provider lists hold no provider with a URN")
    return lists


def split_codes(text: str | None) -> list[str]:
    """The codes of a PLACES or PROVIDER_CODES value (comma-separated, as read above)."""
    return [t for t in (text or "").split(",") if t]


# The reference tables one set of lists gives (tables.REFERENCE): the list rows, and one row per
# code a provider may take, so rules join on codes instead of parsing lists in SQL.
PLACES_TABLE, PROVIDER_CODES_TABLE = "provider_places", "provider_provider_codes"
PLACES_COLUMNS, PROVIDER_CODES_COLUMNS = ("URN", "PLACE"), ("URN", "PLACE_PROVIDER")


def long_rows(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(provider_places, provider_provider_codes) rows of the providers rows: one per URN and
    code, each pair once, in list order."""
    places = {(r["URN"], p): None for r in rows for p in split_codes(r["PLACES"])}
    codes = {(r["URN"], c): None for r in rows for c in split_codes(r["PROVIDER_CODES"])}
    return ([{"URN": u, "PLACE": p} for u, p in places], [{"URN": u, "PLACE_PROVIDER": c} for u, c in codes])


def attach(conn, paths: list[Path], result) -> None:
    """The reference loader of ``--providers``: ``raw.providers``, ``raw.provider_places`` and
    ``raw.provider_provider_codes`` (row_no and the raw columns, all text), recorded in
    ``result.tables`` with the lists' warnings."""
    from . import LoadedTable

    lists = read_provider_lists(paths)
    result.warnings += lists.warnings
    places, codes = long_rows(lists.rows)
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    source = Path(", ".join(map(str, paths)))
    for table, columns, rows in (("providers", COLUMNS, lists.rows), (PLACES_TABLE, PLACES_COLUMNS, places),
                                 (PROVIDER_CODES_TABLE, PROVIDER_CODES_COLUMNS, codes)):
        _create(conn, f"raw.{table}", columns, rows)
        result.tables[table] = LoadedTable(table, source, len(rows))


def _create(conn, table: str, columns: tuple[str, ...], rows: list[dict]) -> None:
    """``table`` (row_no, columns as text) holding ``rows``, through a temporary CSV that DuckDB's
    reader loads at once (row-by-row INSERTs take seconds for a full Ofsted list)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="v903_providers_") as tmp:
        path = Path(tmp) / "rows.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(("row_no",) + columns)
            w.writerows([i, *("" if r[c] is None else r[c] for c in columns)] for i, r in enumerate(rows, start=1))
        types = ", ".join([f"'row_no': 'BIGINT'"] + [f"'{c}': 'VARCHAR'" for c in columns])
        conn.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{path.as_posix()}', header = true, "
                     f"columns = {{{types}}}, quote = '\"', escape = '\"', nullstr = '')")


def write_tables(paths: list[Path], folder: Path) -> tuple[list[tuple[Path, int]], list[str]]:
    """The three tables as CSVs with their raw column names (``validator903 providers``), for a
    warehouse to load; each file is written beside its target and renamed, so it is whole or absent."""
    import os

    lists = read_provider_lists([Path(p) for p in paths])
    places, codes = long_rows(lists.rows)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"--output {folder}: cannot create it ({e.strerror})") from None
    written = []
    for name, columns, rows in (("providers", COLUMNS, lists.rows), (PLACES_TABLE, PLACES_COLUMNS, places),
                                (PROVIDER_CODES_TABLE, PROVIDER_CODES_COLUMNS, codes)):
        target = folder / f"{name}.csv"
        if any(target.resolve() == Path(p).resolve() for p in paths):
            raise UsageError(f"--output {folder}: would overwrite the input {target}")
        tmp = target.with_name(target.name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            w.writerows([r[c] or "" for c in columns] for r in rows)
        os.replace(tmp, target)
        written.append((target, len(rows)))
    return written, lists.warnings
