"""``--postcodes FILE``: an ONS postcode directory (NSPL or ONSPD) as ``raw.postcodes``.

The file is the CSV as ONS publishes it, or the zip it comes in (the data CSV is found inside:
the largest CSV whose header names the postcode and LA columns; the per-area ``multi_csv`` files
and the documents are passed over). Columns are recognised by header, whatever their case: NSPL
writes ``laua``/``cty``, ONSPD ``oslaua``/``oscty``. The file is read by DuckDB's CSV reader as one
view that staging materialises (2.7 million rows in seconds), never row by row; only the
columns below are read.
"""
from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

from ..errors import InputError, UsageError
from ..tables import BY_NAME

TABLE = "postcodes"
# raw column -> the header names that supply it (NSPL first), and whether the file must have it
COLUMNS: dict[str, tuple[tuple[str, ...], bool]] = {
    "PCD": (("pcd", "pcd7", "pcd8"), True),
    "PCDS": (("pcds",), False),
    "LAUA": (("laua", "oslaua", "lad"), True),
    "CTY": (("cty", "oscty"), False),
    "OSEAST1M": (("oseast1m",), True),
    "OSNRTH1M": (("osnrth1m",), True),
    "DOTERM": (("doterm",), False),
}


def _header(text_stream) -> list[str]:
    line = text_stream.readline()
    return [h.strip().strip('"').lstrip("\ufeff").lower() for h in next(csv.reader([line]), [])]


def _positions(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Raw column -> position in the file's header, and the required columns it lacks."""
    found, missing = {}, []
    for col, (names, required) in COLUMNS.items():
        pos = next((header.index(n) for n in names if n in header), None)
        if pos is not None:
            found[col] = pos
        elif required:
            missing.append(" or ".join(names[:2]))
    return found, missing


def _from_zip(path: Path, workdir: Path) -> tuple[Path, list[str]]:
    """The data CSV inside an ONS zip, extracted into ``workdir``, and its header."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(path, f"not a readable zip archive ({e})") from None
    with z:
        best = None
        for info in z.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".csv"):
                continue
            with z.open(info) as raw:
                header = _header(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))
            if not _positions(header)[1] and (best is None or info.file_size > best[0].file_size):
                best = (info, header)
        if best is None:
            raise InputError(path, "no postcode CSV inside (a CSV with the columns pcd, laua or oslaua, "
                                   "oseast1m and osnrth1m: the NSPL or ONSPD zip from the ONS Open Geography Portal)")
        target = workdir / "postcodes.csv"
        with z.open(best[0]) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    return target, best[1]


def load_postcodes(conn, paths: list[Path], result) -> None:
    """Create ``raw.postcodes`` over the one file given (row_no, the raw columns, all text)."""
    from . import LoadedTable

    if len(paths) != 1:
        raise UsageError(f"--postcodes takes one file ({len(paths)} given)")
    path = Path(paths[0])
    if not path.is_file():
        raise UsageError(f"--postcodes {path}: no such file")
    import tempfile

    if zipfile.is_zipfile(path):
        workdir = result.workdir or Path(tempfile.mkdtemp(prefix="v903_"))
        result.workdir = workdir
        data, header = _from_zip(path, workdir)
    else:
        data = path
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            header = _header(f)
    positions, missing = _positions(header)
    if missing:
        raise InputError(path, f"not an ONS postcode file (NSPL or ONSPD): no column {missing[0]}", column=None)
    spec = BY_NAME[TABLE]
    ncols = len(header)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"
    select = ", ".join(f"c{positions[c]} AS {c}" if c in positions else f"CAST(NULL AS VARCHAR) AS {c}"
                       for c in spec.columns)
    src = str(data).replace("'", "''")
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    conn.execute(f"CREATE OR REPLACE VIEW raw.{TABLE} AS SELECT CAST(ordinality AS BIGINT) AS row_no, {select} "
                 f"FROM read_csv('{src}', header=true, auto_detect=false, delim=',', quote='\"', escape='\"', "
                 f"columns={columns}, strict_mode=true, encoding='utf-8') WITH ORDINALITY")
    result.tables[TABLE] = LoadedTable(TABLE, path, None)
