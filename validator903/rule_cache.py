"""The parsed catalogue kept on disk, so a command does not parse 360 YAML headers again.

Parsing and checking every rule file's metadata took 0.15-0.2 s of every command; reading the
files' bytes takes a few milliseconds. So the cache is keyed by content, never by modification
times: the bytes of every rule file, of the derived relations (the tables a rule may name) and of
this package's Python sources (the code that turns a file into a Rule), and the supported years.
A change to any of them parses everything again, and only a catalogue that loaded without error
is written. Only the bundled catalogue is kept (a council's pack is a few files), in one file
replaced whole, beside the generated-SQL cache (``VALIDATOR903_CACHE``). A cache that cannot be
read or written only costs speed.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .resources import cache_dir, rules_dir, write_cache_file


def _hash_files(h, files) -> None:
    for p in files:
        h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """This package's Python sources and the derived relations' files, read once per process."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    _hash_files(h, sorted(package.rglob("*.py")) + sorted((rules_dir() / "derived").glob("*.sql")))
    return h.hexdigest()


def key(files: list[Path]) -> str:
    """What parsing ``files`` depends on: their bytes, the code, and the supported years (a rule's
    years are cut to that window; named here too, so a patched window is never served stale)."""
    from . import context

    h = hashlib.sha256((_code_digest() + "\0" + repr(context.SUPPORTED_YEARS)).encode())
    _hash_files(h, files)
    return h.hexdigest()


def _path() -> Path:
    # one file whatever the installation: two installed side by side only parse again in turn
    return cache_dir() / "rules.json"


def load(key_: str) -> list[dict] | None:
    """The stored rules (as dicts of their fields) when stored under ``key_``."""
    try:
        doc = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc.get("rules") if isinstance(doc, dict) and doc.get("key") == key_ else None


def save(key_: str, rules: list[dict]) -> None:
    """Store ``rules`` unless one of them would not come back as it is (a YAML date in a fix,
    say): then nothing is stored and the next run parses again."""
    try:
        text = json.dumps({"key": key_, "rules": rules})
    except (TypeError, ValueError):
        return
    if json.loads(text)["rules"] != rules:
        return
    write_cache_file(_path(), text)
