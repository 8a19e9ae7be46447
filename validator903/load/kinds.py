"""What a file that is not a 903 CSV or XML return is, in words a user can act on.

A folder of exports often holds other things: the workbook the CSVs came from, a zip, Excel's
``~$`` owner file, LibreOffice's ``.~lock…#``, macOS's ``._`` and ``.DS_Store``, Windows's
``Thumbs.db``, an editor's backup. Each is named in a warning and left alone; none stops the run.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

DATA_SUFFIXES = (".csv", ".xml")
WORKBOOK = ("an Excel workbook: save each sheet as CSV UTF-8 (File > Save As > CSV UTF-8) and give the CSVs")
ARCHIVE = "a zip archive: extract it and give the folder of CSVs"
COMPRESSED = "a compressed file: decompress it and give the CSV"
_HELPERS = {".ds_store": "macOS", "thumbs.db": "Windows", "desktop.ini": "Windows"}


def _helper(name: str) -> str | None:
    low = name.lower()
    if low in _HELPERS:
        return f"a file {_HELPERS[low]} keeps for itself, not data"
    if name.startswith("~$"):
        return "Excel's owner file, there while the workbook is open, not data"
    if name.startswith(".~lock."):
        return "LibreOffice's lock file, there while the file is open, not data"
    if name.startswith("._"):
        return "a macOS resource-fork file, not data"
    if name.endswith("~") or low.endswith((".swp", ".bak", ".tmp")) or name.startswith(".#"):
        return "an editor's backup or lock file, not data"
    return None


def sniff(path: Path) -> str | None:
    """A container format recognised from the first bytes, whatever the file is called."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
        except (zipfile.BadZipFile, OSError):
            return ARCHIVE
        return WORKBOOK if any(n.startswith("xl/") for n in names) else ARCHIVE
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):   # the old binary .xls
        return WORKBOOK
    if head.startswith((b"\x1f\x8b", b"BZh", b"7z\xbc\xaf")):
        return COMPRESSED
    return None


def what_else(path: Path) -> str | None:
    """None for a file to read as 903 data; else what it is (an entry of a folder being read).
    Plain sub-folders are not files beside the CSVs and are passed over without a word ("")."""
    if ".v903-" in path.name or path.name.endswith(".v903.lock"):
        return ""   # an output being built beside it, or its lock (validator903.outputs): ours, not data
    if path.is_dir():
        return "a folder named like a data file, not a file" if path.suffix.lower() in DATA_SUFFIXES else ""
    helper = _helper(path.name)
    if helper:
        return helper
    kind = sniff(path)
    if kind:
        return kind
    suffix = path.suffix.lower()
    if suffix in DATA_SUFFIXES:
        return None
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return WORKBOOK
    return "not a .csv or .xml file"


def not_a_return(path: Path) -> str | None:
    """A file given by name that cannot be a 903 CSV or XML (a workbook, an archive): what to do."""
    return sniff(path)
