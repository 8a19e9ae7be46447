"""Rewrite only the changed cells of a CSV: every other byte stays as it was.

The file is not re-serialised (that would change quoting, line endings, a BOM, trailing
delimiters): it is decoded in the encoding it was read in, scanned once for the position of every
cell, and the changed cells' text is replaced in place. A cell that was quoted stays quoted; a new
value holding the delimiter, a quote or a line break is quoted. The result is encoded back the same
way, and a file that would not come back byte for byte is refused rather than altered.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError


def _codec(data: bytes) -> str:
    """The codec that decodes ``data`` and encodes it back unchanged (a BOM stays in the text)."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _records(text: str, delim: str):
    """Yield each record as a list of (start, end) spans of its cells, quotes included."""
    i, n = 0, len(text)
    while i < n:
        spans = []
        start = i
        while True:
            if i < n and text[i] == '"':
                i += 1
                while i < n:
                    if text[i] == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            i += 2
                            continue
                        i += 1
                        break
                    i += 1
            while i < n and text[i] not in (delim, "\n", "\r"):
                i += 1
            spans.append((start, i))
            if i < n and text[i] == delim:
                i += 1
                start = i
                continue
            break
        if i < n and text[i] == "\r":
            i += 1
        if i < n and text[i] == "\n":
            i += 1
        yield spans


def _cell(text: str, span: tuple[int, int]) -> str:
    raw = text[span[0]:span[1]]
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return raw[1:-1].replace('""', '"')
    return raw


def _written(new: str, was_quoted: bool, delim: str) -> str:
    if was_quoted or any(ch in new for ch in (delim, '"', "\n", "\r")):
        return '"' + new.replace('"', '""') + '"'
    return new


def edit(path: Path, delimiter: str, skip: int, edits: dict[tuple[int, int], str],
         expected_rows: int) -> tuple[bytes, dict[tuple[int, int], str]]:
    """The file's bytes with ``edits`` ((data row 1-based, cell index) -> new text) applied, and
    the old text of each edited cell. Blank lines are not rows (as the loader counts them)."""
    data = path.read_bytes()
    codec = _codec(data)
    text = data.decode(codec)
    if text.encode(codec) != data:
        raise InputError(path, f"cannot be rewritten byte for byte ({codec}); fix it by hand or save it as CSV UTF-8")
    records = _records(text, delimiter)
    for _ in range(skip + 1):        # the lines above the header, and the header
        next(records, None)
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, col), new in sorted(edits.items()):
        by_row.setdefault(r, []).append((col, new))
    pieces, pos, old, row = [], 0, {}, 0
    for spans in records:
        if len(spans) == 1 and spans[0][0] == spans[0][1]:
            continue                 # a blank line
        row += 1
        for col, new in by_row.get(row, ()):
            r = row
            if col >= len(spans):
                raise InputError(path, f"has no column {col + 1}", row=row)
            span = spans[col]
            raw = text[span[0]:span[1]]
            old[(r, col)] = _cell(text, span)
            pieces += [text[pos:span[0]], _written(new, raw.startswith('"'), delimiter)]
            pos = span[1]
    if row != expected_rows:
        raise InputError(path, f"has {row} data rows here but {expected_rows} were loaded; not rewritten")
    pieces.append(text[pos:])
    return "".join(pieces).encode(codec), old
