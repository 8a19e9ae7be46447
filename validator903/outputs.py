"""Output folders replaced whole or not at all.

Every file of a run (validation.duckdb, the reports, the per-social-worker lists) is written
into a new folder beside the target (``.<name>.v903-<pid>-<n>``); only when the run has finished
is it swapped in: the previous run's files go, the new ones arrive, in a few renames during which
Ctrl+C is held back. A run that fails or is interrupted removes its temporary folder and leaves
the earlier output exactly as it was.

Files in the target that validator903 did not write (a note, a subfolder) are carried over into
the new folder, never deleted. A file that was read as an input is never replaced: a target
folder that is an input folder, or that holds an input under one of our file names, is refused
before the run. A lock file beside the target (``.<name>.v903.lock``) stops two runs writing the
same folder at once; the second exits 2 straight away.
"""
from __future__ import annotations

import csv
import itertools
import os
import re
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from .errors import UsageError

# What a run writes into --output (the only names it replaces there).
OUTPUT_NAMES = frozenset({"errors.csv", "summary.csv", "errors_compared.csv", "fixed.csv", "report.xlsx",
                          "report.html", "errors.json", "validation.duckdb", "validation.duckdb.wal", "profile"})
_SW_LIST = re.compile(r"^(sw_.+|unassigned)\.csv$")
_counter = itertools.count()


def sw_names(folder: Path) -> set[str]:
    """What an earlier --by-social-worker run wrote in ``folder``: index.csv and the lists it names."""
    index = folder / "index.csv"
    names = {"index.csv", "unassigned.csv"}
    if index.is_file():
        try:
            with open(index, newline="", encoding="utf-8") as f:
                names |= {n for n in (r.get("file") or "" for r in csv.DictReader(f))
                          if _SW_LIST.match(n) and "/" not in n and "\\" not in n}
        except (OSError, UnicodeDecodeError, csv.Error):
            pass
    return names


def _first_existing(path: Path) -> Path:
    p = path
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


class Target:
    """One output folder being rebuilt: ``tmp`` is where the run writes, ``commit`` swaps it in."""

    def __init__(self, option: str, path: Path, ours, inputs: list[Path]):
        self.option, self.path = option, Path(os.path.abspath(path))
        self.ours = ours          # callable: folder -> names a run of ours wrote there
        self.tmp: Path | None = None
        self.nested: list[tuple[str, object]] = []   # (sub-folder, ours) written inside this one
        self._lock_fd: int | None = None
        self._lock_path: Path | None = None
        self._check(inputs)

    # -- before the run --------------------------------------------------------------------
    def _check(self, inputs: list[Path]) -> None:
        p, opt = self.path, self.option
        if p.exists() and not p.is_dir():
            raise UsageError(f"{opt} {p}: is a file, not a folder; give a folder for the reports")
        base = _first_existing(p)
        if not base.is_dir():
            raise UsageError(f"{opt} {p}: {base} is a file, so no folder can be made under it")
        real = Path(os.path.realpath(p))
        for i in inputs:
            ri = Path(os.path.realpath(i))
            if ri == real or (i.is_file() and ri.parent == real and ri.name in self.ours(p)):
                raise UsageError(f"{opt} {p}: is where the input {i} is read from; write the reports to "
                                 "another folder (they would replace the files read)")

    def open(self) -> None:
        """Lock the target and make the temporary folder beside it (this also proves it is writable)."""
        parent = self.path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._lock()
            tmp = parent / f".{self.path.name}.v903-{os.getpid()}-{next(_counter)}"
            tmp.mkdir()
            self.tmp = self._built_in = tmp
        except OSError as e:
            self.release()
            raise UsageError(f"{self.option} {self.path}: cannot write in {parent} ({e.strerror or e})") from None

    def _lock(self) -> None:
        path = self.path.parent / f".{self.path.name}.v903.lock"
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                raise UsageError(f"{self.option} {self.path}: another validator903 run is writing there; "
                                 "wait for it to finish or choose another folder")
            try:  # the file may have been removed by the run that held it just before: lock the new one
                if os.fstat(fd).st_ino == os.stat(path).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        self._lock_fd, self._lock_path = fd, path

    def tmp_to_final(self, p: Path) -> Path:
        """Where a file written in the temporary folder is once swapped in."""
        try:
            return self.path / Path(p).relative_to(self._built_in)
        except (AttributeError, ValueError):
            return Path(p)

    # -- after the run ---------------------------------------------------------------------
    def commit(self) -> None:
        """Swap the finished folder in (Ctrl+C waits until the renames are done). If a rename
        fails, everything moved so far goes back: the user's files, then the earlier output."""
        assert self.tmp is not None
        old = None
        carried: list[tuple[Path, Path]] = []
        try:
            with _hold_interrupts():
                try:
                    if self.path.is_dir():
                        carried += _carry(self.path, self.tmp, self.ours)
                        for rel, sub_ours in self.nested:
                            parts = Path(rel).parts
                            for i in range(1, len(parts)):  # the folders between keep what else they hold
                                carried += _carry(self.path.joinpath(*parts[:i]), self.tmp.joinpath(*parts[:i]),
                                                  lambda _f, keep=parts[i]: {keep})
                            carried += _carry(self.path / rel, self.tmp / rel, sub_ours)
                        old = self.path.parent / f".{self.path.name}.v903-old-{os.getpid()}-{next(_counter)}"
                        os.replace(self.path, old)
                    os.replace(self.tmp, self.path)
                except OSError as e:
                    if old is not None and not self.path.exists():
                        os.replace(old, self.path)
                        old = None
                    for src, dst in reversed(carried):
                        os.replace(dst, src)
                    raise UsageError(f"{self.option} {self.path}: cannot replace it ({e.strerror or e}); "
                                     "the earlier output is as it was") from None
                self.tmp = None
        finally:
            if old is not None and self.tmp is None:  # swapped in (even if Ctrl+C is now delivered)
                shutil.rmtree(old, ignore_errors=True)

    def release(self) -> None:
        """Remove the temporary folder if the run did not finish, and unlock."""
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        if self._lock_fd is not None:
            try:
                self._lock_path.unlink(missing_ok=True)
            except OSError:
                pass
            os.close(self._lock_fd)
            self._lock_fd = None


def _carry(old: Path, new: Path, ours) -> list[tuple[Path, Path]]:
    """Move what ``old`` holds that a run of ours did not write into ``new``: it is the user's.
    Returns the (from, to) moves, to undo them if the swap fails."""
    if not old.is_dir() or not new.is_dir():
        return []
    mine = ours(old)
    moved = []
    for entry in list(old.iterdir()):
        if entry.name not in mine and not (new / entry.name).exists():
            os.replace(entry, new / entry.name)
            moved.append((entry, new / entry.name))
    return moved


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


@contextmanager
def _hold_interrupts():
    """Ctrl+C during the swap is delivered once the swap is done, never half way."""
    try:
        previous = signal.getsignal(signal.SIGINT)
        pending: list = []
        signal.signal(signal.SIGINT, lambda *a: pending.append(a))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pending:
            raise KeyboardInterrupt
