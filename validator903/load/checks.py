"""Checks on a loaded return that say what looks wrong before it becomes a thousand errors."""
from __future__ import annotations

import os
from pathlib import Path


def same_inputs(current: list[Path], previous: list[Path] | None) -> list[str]:
    if not previous:
        return []
    cur = {os.path.realpath(p) for p in current}
    same = [p for p in previous if os.path.realpath(p) in cur]
    return [f"--previous {p} is the same as the current year's input: last year's tables are this year's"
            for p in same]


def run_warnings(run) -> list[str]:
    return []
