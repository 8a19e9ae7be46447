"""Single report files named by --out (``trends``, ``benchmark compare``): the suffix chooses the
format, and each file is written beside its target and renamed over it, so it is whole or absent."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..errors import UsageError

SUFFIXES = (".html", ".xlsx")


def check_outs(outs: list[Path]) -> None:
    """Before any work: every --out ends .html or .xlsx and lies in a folder that exists."""
    if not outs:
        raise UsageError("--out: give a file, report.html or report.xlsx (repeat for both)")
    for p in outs:
        if p.suffix.lower() not in SUFFIXES:
            raise UsageError(f"--out {p}: name an .html or .xlsx file")
        if p.is_dir():
            raise UsageError(f"--out {p}: is a folder; name a file")
        if not p.parent.resolve().is_dir():
            raise UsageError(f"--out {p}: no folder {p.parent}")


def write_outs(outs: list[Path], writers: dict[str, Callable[[Path], object]]) -> list[Path]:
    written = []
    for p in outs:
        tmp = p.with_name(f".{p.name}.v903-{os.getpid()}{p.suffix}")
        try:
            writers[p.suffix.lower()](tmp)
            os.replace(tmp, p)
        except OSError as e:
            raise UsageError(f"--out {p}: cannot write it ({e.strerror or e})") from None
        finally:
            tmp.unlink(missing_ok=True)
        written.append(p)
    return written
