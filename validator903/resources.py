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


def cache_dir() -> Path:
    """Where generated SQL and the parsed catalogue are kept between runs: ``VALIDATOR903_CACHE``,
    else ``~/.cache/validator903``."""
    import os

    return Path(os.environ.get("VALIDATOR903_CACHE") or Path.home() / ".cache" / "validator903")


def write_cache_file(path: Path, text: str) -> None:
    """Replace a cache file whole (a temporary file renamed over it), or leave it as it was: a
    cache that cannot be written (a read-only home) only costs speed."""
    import os
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
