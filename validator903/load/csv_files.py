"""Read one 903 CSV exactly: detect encoding, delimiter and table, then hand it to DuckDB.

A table is recognised by its header columns (case-, space- and BOM-insensitive, any order);
the file name only breaks ties. UTF-8 (with or without BOM) is read in place; UTF-16 and
Windows-1252 are re-encoded to a UTF-8 temporary copy with a warning. Nothing is guessed
silently: a file that cannot be read exactly raises InputError naming file, row and column.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..tables import DERIVED, TABLES, TableSpec

_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class CsvFile:
    path: Path
    table: TableSpec
    text_path: Path                 # UTF-8 file DuckDB reads (the original or a re-encoded copy)
    delimiter: str
    header: list[str]               # header cells as written
    positions: dict[str, int]       # 903 column -> 0-based position in the file
    warnings: list[str] = field(default_factory=list)
    skip: int = 0                   # lines before the header (a title, Excel's sep=)
    # What the checks of the staged table (load/checks.py) need not look for: every staged value
    # is a piece of this file's text, so a character the text lacks is in none of them. Each is
    # one search of the text in memory (a few ms for all 22 files of 100k children), against a
    # scan of every value of every column. True when not known.
    may_hide_characters: bool = True   # a character beyond ASCII (the invisible ones are) or a tab
    may_hold_child_forms: bool = True  # + ' or . (Excel's 1.23E+05, '900000 and 900000.0 in CHILD)


class NotACsv(InputError):
    """The file is something else (binary): beside the 903 CSVs it is skipped with a warning."""

    def __init__(self, path, reason: str):
        self.reason = reason
        super().__init__(path, reason)


def _norm(cell: str) -> str:
    return re.sub(r"\s+", "", cell.replace("\ufeff", "")).upper()


def _decode(path: Path, data: bytes, warnings: list[str]) -> tuple[str, bool]:
    """Text of the file and whether it had to be re-encoded for DuckDB."""
    if not data.strip():
        raise InputError(path, "file is empty; export the table again with its header row")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        warnings.append(f"{path}: read as UTF-16 (Excel 'Unicode text'); re-encoded to UTF-8")
        try:
            return data.decode("utf-16"), True
        except UnicodeDecodeError as e:
            raise InputError(path, f"broken UTF-16 at byte {e.start}; save the file as CSV UTF-8") from None
    if b"\x00" in data[:8192]:
        raise NotACsv(path, "binary file, not a CSV; save the table as CSV UTF-8")
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError as e:
        bad = e.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        row = data[: e.start].count(b"\n") + 1
        raise InputError(path, f"neither UTF-8 nor Windows-1252 (byte {e.start}); save as CSV UTF-8",
                         row=row - 1 if row > 1 else None) from None
    row = data[:bad].count(b"\n")
    warnings.append(f"{path}: not UTF-8 (first at data row {row}); read as Windows-1252")
    return text, True


HEADER_SEARCH_LINES = 10


def _split(line: str) -> tuple[int, list[str], str]:
    """(903 column names found, cells, delimiter) for the delimiter that finds the most."""
    known = {c for t in TABLES for c in t.columns}
    best = None
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(line) + 1))  # a header cell over 128 KB is odd, not a crash
    try:
        for d in _DELIMITERS:
            cells = next(csv.reader(io.StringIO(line), delimiter=d), [])
            score = sum(_norm(c) in known for c in cells)
            if best is None or score > best[0]:
                best = (score, cells, d)
    finally:
        csv.field_size_limit(limit)
    return best


def _header(text: str) -> tuple[list[str], str, int]:
    """The header row, its delimiter and how many lines come before it. The header is the first
    line naming two or more 903 columns among the first few: a title line or Excel's ``sep=,``
    above it is passed over (the caller warns)."""
    lines = text.split("\n", HEADER_SEARCH_LINES)[:HEADER_SEARCH_LINES]
    first = _split(lines[0])
    if first[0] >= 2:
        return first[1], first[2], 0
    for i, line in enumerate(lines[1:], start=1):
        score, cells, d = _split(line)
        if score >= 2:
            return cells, d, i
    return first[1], first[2], 0


def _identify(path: Path, names: list[str]) -> TableSpec | None:
    """The table whose columns the header matches best: most shared columns, fewest columns
    that belong to other 903 tables; then coverage; then the file name."""
    have = set(names)
    if "CHILD" not in have:
        return None
    known = {c for t in TABLES for c in t.columns}
    scored = []
    for t in TABLES:
        matched = len(have & set(t.columns))
        foreign = len((have & known) - set(t.columns))
        named = path.stem.lower().replace("-", "_").endswith(t.name) or t.peer_name.lower() in path.stem.lower()
        scored.append((matched - foreign, matched / len(t.columns), named, t))
    scored.sort(key=lambda s: s[:3], reverse=True)
    score, frac, named, table = scored[0]
    # a partial export of a table (columns missing) is still that table, so it can be reported
    # as such; the file name helps when few columns are there
    return table if score >= 2 and (frac >= 0.4 or named) else None


def inspect(path: Path, workdir: Path, table: TableSpec | None = None) -> CsvFile | None:
    """Work out what ``path`` holds (or check it holds ``table``). None for a CSV that is not a
    903 table (the caller warns)."""
    warnings: list[str] = []
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror}") from None
    text, reencode = _decode(path, data, warnings)
    if "\r" in text and "\n" not in text:  # Excel's "CSV (Macintosh)": every line ends in CR alone
        text, reencode = text.replace("\r", "\n"), True
        warnings.append(f"{path}: lines end in CR only (Excel's 'CSV (Macintosh)'); read as lines")
    header, delim, skip = _header(text)
    names = [_norm(c) for c in header]
    table = table or _identify(path, names)
    if table is None:
        return None
    dupes = sorted({n for n in names if n and names.count(n) > 1 and n in table.columns})
    if dupes:
        raise InputError(path, f"column {', '.join(dupes)} appears more than once in the header", row=0)
    missing = [c for c in table.columns if c not in names]
    if missing:
        raise InputError(path, f"looks like the {table.name} table but lacks required column(s) "
                               f"{', '.join(missing)}", column=", ".join(missing))
    wanted = table.columns + DERIVED.get(table.name, ())
    extra = [h for h, n in zip(header, names) if n not in wanted]
    if extra:
        shown = [repr(e) if len(e) <= 60 else repr(e[:40]) + f"… ({len(e):,} characters)" for e in extra]
        warnings.append(f"{path}: ignored extra column(s) {', '.join(shown)}")
    if delim != ",":
        warnings.append(f"{path}: delimiter is {delim!r}, not a comma")
    if skip:
        above = "; ".join(repr(ln.strip()[:40]) for ln in text.split("\n", skip)[:skip])
        warnings.append(f"{path}: the header is on line {skip + 1}; the line(s) above it ({above}) were "
                        "passed over")
    text_path = path
    if reencode:
        tmp = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", suffix=".csv",
                                          dir=workdir, delete=False)
        with tmp:
            tmp.write(text)
        text_path = Path(tmp.name)
    positions = {n: i for i, n in enumerate(names) if n in wanted}
    return CsvFile(path, table, text_path, delim, header, positions, warnings, skip,
                   may_hide_characters=not text.isascii() or "\t" in text,
                   may_hold_child_forms=any(c in text for c in "+'."))


_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COLS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def attach(conn, f: CsvFile, target: str) -> None:
    """Create ``target`` as a view over the file: all-text columns plus row_no (the row's
    ordinal among data rows). Nothing is read until staging materialises it, so each file is
    parsed exactly once; errors surface then and are rephrased by ``read_error``."""
    ncols = len(f.header)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"
    delim = f.delimiter.replace("\t", "\\t")
    src = str(f.text_path).replace("'", "''")
    select = ", ".join(f"c{i} AS {col}" for col, i in f.positions.items())
    conn.execute(
        f"CREATE OR REPLACE VIEW {target} AS SELECT CAST(ordinality AS BIGINT) AS row_no, {select} "
        f"FROM read_csv('{src}', header=true, auto_detect=false, delim=E'{delim}', quote='\"', escape='\"', "
        f"columns={columns}, strict_mode=true, encoding='utf-8', skip={f.skip}) WITH ORDINALITY"
    )


def read_error(f: CsvFile, exc: Exception) -> InputError:
    """DuckDB's CSV error, which names the physical line, as one line naming file, row and what
    to do."""
    msg = str(exc)
    line = _LINE.search(msg)
    cols = _COLS.search(msg)
    if line and cols:
        return InputError(f.path, f"expected {cols.group(1)} fields like the header, found {cols.group(2)} "
                                  f"(line {line.group(1)}); fix that row or quote values containing "
                                  f"{f.delimiter!r}", row=int(line.group(1)) - 1)
    if line:
        reason = next((ln.strip().rstrip(".") for ln in msg.splitlines()
                       if re.match(r"^[A-Z][a-z][^,]*\.$", ln.strip()) and not ln.startswith("Possible")),
                      "unreadable row")
        if "unterminated quote" in reason.lower():
            reason += "; a \" opens a value that never closes"
        return InputError(f.path, f"{reason[0].lower()}{reason[1:]} (line {line.group(1)})",
                          row=max(int(line.group(1)) - 1, 1))
    first = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
    return InputError(f.path, f"cannot be read as CSV: {first}")
