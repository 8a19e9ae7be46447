"""Exceptions that end a run with one clear line and exit code 2 (never a traceback)."""
from __future__ import annotations


def first_line(e: BaseException) -> str:
    """How a failure is named in one line: the first line of its message, or its type's name."""
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


class UsageError(Exception):
    """Unusable arguments or input. The message is one line naming what and where."""


class InputError(UsageError):
    """A data file that cannot be loaded exactly: names the file, row and column."""

    def __init__(self, path, message: str, row: int | None = None, column: str | None = None):
        where = str(path)
        if row is not None:
            where += f", row {row}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")
