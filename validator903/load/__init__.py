"""Load: source files -> raw all-text relations in DuckDB (schema ``raw``), one per canonical table.

Each raw relation has ``row_no`` (1-based data row in its source file, header excluded; blank
lines are not rows; for XML, order of appearance) and the 903 columns as text, exactly as
written. For CSVs they are views over DuckDB's CSV reader, so staging reads each file once.
Typing happens in staging.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError
from ..tables import BY_NAME, LAST_SUFFIX
from . import csv_files, xml_return
from .kinds import not_a_return, what_else


@dataclass
class LoadedTable:
    name: str           # canonical name, with _last for the previous year
    source: Path
    rows: int | None    # known once staged
    file: csv_files.CsvFile | None = None


@dataclass
class LoadResult:
    tables: dict[str, LoadedTable] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    workdir: Path | None = None   # re-encoded and XML-derived CSVs; removed after staging


def _expand(paths: list[Path], warnings: list[str]) -> list[tuple[Path, bool]]:
    """The 903 files to read. In a folder, anything else is named in a warning and left alone
    (never a silent skip, never a stop); a file given by name must be a CSV or XML return."""
    files: list[tuple[Path, bool]] = []   # (file, found in a folder)
    for p in paths:
        if p.is_dir():
            found = []
            for q in sorted(p.iterdir()):
                why = what_else(q)
                if why is None:
                    found.append(q)
                elif why:
                    warnings.append(f"{q}: {why}; skipped")
            if not found:
                listed = [w for w in warnings if w.startswith(str(p))]
                raise UsageError(f"{p}: no .csv or .xml files in this folder"
                                 + (f" ({'; '.join(x.removesuffix('; skipped') for x in listed)})" if listed else ""))
            files += [(q, True) for q in found]
        elif p.is_file():
            why = not_a_return(p)
            if why:
                raise UsageError(f"{p}: {why}")
            files.append((p, False))
        else:
            raise UsageError(f"{p}: no such file or folder")
    return files


def load_inputs(conn, paths: list[Path], suffix: str = "", result: LoadResult | None = None) -> LoadResult:
    """Load every 903 file under ``paths`` into ``raw.<table><suffix>``."""
    result = result or LoadResult()
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    workdir = result.workdir = result.workdir or Path(tempfile.mkdtemp(prefix="v903_"))
    files = _expand(paths, result.warnings)
    pending: list[tuple[Path, csv_files.CsvFile]] = []
    for f, in_folder in files:
        if f.suffix.lower() == ".xml":
            written, warns = xml_return.read(f, workdir)
            result.warnings += warns
            for table, csv_path in written.items():
                cf = csv_files.inspect(csv_path, workdir, BY_NAME[table])
                pending.append((f, cf))
            continue
        try:
            cf = csv_files.inspect(f, workdir)
        except csv_files.NotACsv as e:
            if not in_folder:
                raise
            result.warnings.append(f"{f}: {e.reason}; skipped")  # beside the 903 CSVs: say what it is, go on
            continue
        if cf is None:
            result.warnings.append(f"{f}: not a 903 table (header matches none); skipped")
            continue
        result.warnings += cf.warnings
        pending.append((f, cf))
    seen: dict[str, Path] = {}
    for source, cf in pending:
        name = cf.table.name + suffix
        if name in seen:
            raise InputError(source, f"supplies the {cf.table.name} table again (already read from {seen[name]}); "
                                     "remove one of them")
        seen[name] = source
        csv_files.attach(conn, cf, f"raw.{name}")
        result.tables[name] = LoadedTable(name, source, None, cf)
    return result


def load_all(conn, current: list[Path], previous: list[Path] | None) -> LoadResult:
    result = load_inputs(conn, current)
    if not result.tables:
        skipped = [w.removesuffix("; skipped") for w in result.warnings if w.endswith("; skipped")]
        raise UsageError(f"{', '.join(map(str, current))}: no 903 table found"
                         + (f" ({'; '.join(skipped)})" if skipped else "")
                         + "; the CSV headers must hold the 903 column names")
    if previous:
        load_inputs(conn, previous, LAST_SUFFIX, result)
    return result


__all__ = ["load_all", "LoadResult", "LoadedTable"]
