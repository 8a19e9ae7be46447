"""Where the rule sources and dialect tables live.

They are top-level folders of the repository (``rules_sql/``, ``dialects/``). A source checkout or
an editable install reads them in place; a wheel ships them as the packages
``validator903.rules_sql`` and ``validator903.dialects_data`` (see pyproject.toml).
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _folder(top: str, package: str) -> Path:
    here = _REPO / top
    if here.is_dir():
        return here
    return Path(str(resources.files(package)))


def rules_dir() -> Path:
    return _folder("rules_sql", "validator903.rules_sql")


def dialects_dir() -> Path:
    return _folder("dialects", "validator903.dialects_data")


def sample_dir() -> Path:
    return Path(__file__).resolve().parent / "sample"
