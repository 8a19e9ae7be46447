"""Where the rule sources, dialect tables and the sample council live.

In a source checkout (or an editable install) the rules and dialect tables are the top-level
folders ``rules_sql/`` and ``dialects/``. A wheel ships them inside the package, as
``validator903/rules_sql/`` and ``validator903/dialects_data/`` (pyproject.toml maps them there).

Both are found as plain folders next to this file rather than through
``importlib.resources.files()``: those folders have no ``__init__.py``, and for such a namespace
package ``files()`` returns a MultiplexedPath whose ``str()`` is not a path, so an installed tool
once found no rules at all. ``.ci/run`` installs the built wheel outside the checkout and runs the
demo from it, so this cannot break unnoticed.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent


def _folder(installed: str, checkout: str, marker: str) -> Path:
    for folder in (_PACKAGE / installed, _REPO / checkout):
        if folder.is_dir() and any(folder.glob(marker)):
            return folder
    raise RuntimeError(f"validator903 is installed without its {checkout}/ folder (looked in {_PACKAGE / installed} "
                       f"and {_REPO / checkout}); reinstall it from a wheel or a checkout")


def rules_dir() -> Path:
    return _folder("rules_sql", "rules_sql", "*.sql")


def dialects_dir() -> Path:
    return _folder("dialects_data", "dialects", "*.yml")


def sample_dir() -> Path:
    return _PACKAGE / "sample"
