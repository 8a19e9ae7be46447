"""Read the DfE XML return (root EXPSSDA903) into the same per-table CSVs a council would export,
exactly or not at all.

Structure (domain.md section 2): EXPSSDA903/CHILD/HEADER holds the child's fields plus AREVIEW,
AMISSING, OC2, PERMANENCE and AD_PLACED children; EPISODE elements sit beside HEADER. CHILDID is
renamed CHILD and PL is renamed PLACE. Header.UASC comes straight from the <UASC> flag, and a UASC
row exists for a child whose flag is 1 (or who has a DUC date). Rows are numbered in order of
appearance. The XML has no social worker episodes or DoLOs: supply those as CSV beside it.

Read exactly: an element the schema does not have, at any level, is named in a warning (with its
parent and first line) — ``<LEGAL_STATUS>`` for ``<LS>`` would otherwise leave LS blank and the
rules on LS silently passing; a second HEADER in one CHILD, or a field given twice in one element,
is refused naming the CHILD and the line. A namespace (``xmlns="…"`` or a prefix) is accepted.
Parsed with expat directly, so every element carries its line.
"""
from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from xml.parsers import expat

from ..errors import InputError
from ..tables import BY_NAME

RENAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
_XML_NAME = {v: k for k, v in RENAMES.items()}
# HEADER sub-elements that hold one row of a table each.
NESTED = {"AREVIEW": "reviews", "AMISSING": "missing", "OC2": "oc2", "PERMANENCE": "previous_permanence",
          "AD_PLACED": "placed_for_adoption"}
# Tables whose fields sit directly in HEADER; a row exists when any of its own fields is present.
FLAT = {"oc3": ("IN_TOUCH", "ACTIV", "ACCOM"),
        "ad1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")}
HEADER_FIELDS = {"CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC", "MOTHER", "MC_DOB"} \
    | set(FLAT["oc3"]) | set(FLAT["ad1"])


def _fields_of(table: str) -> set[str]:
    return {_XML_NAME.get(c, c) for c in BY_NAME[table].columns if c not in ("CHILD", "DOB")}


# The leaf elements each element may hold (by the DfE schema).
LEAVES = {"HEADER": HEADER_FIELDS, "EPISODE": _fields_of("episodes"),
          **{tag: _fields_of(table) for tag, table in NESTED.items()}}


class Node:
    __slots__ = ("tag", "line", "text", "children")

    def __init__(self, tag: str, line: int):
        self.tag, self.line, self.text, self.children = tag, line, [], []

    @property
    def value(self) -> str | None:
        text = "".join(self.text)
        return text if text else None


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]   # <ns:CHILD> is <CHILD>; xmlns attributes are ignored


def parse(path: Path) -> Node:
    """The document as a tree of Nodes, each with its line; broken XML is refused with its line."""
    stack: list[Node] = []
    root: list[Node] = []
    p = expat.ParserCreate()

    def start(name, _attrs):
        node = Node(_local(name), p.CurrentLineNumber)
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(_name):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].text.append(data)

    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    try:
        with open(path, "rb") as f:
            p.ParseFile(f)
    except expat.ExpatError as e:
        raise InputError(path, f"broken XML at line {e.lineno}, column {e.offset + 1}: "
                               f"{expat.errors.messages[e.code]}") from None
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror}") from None
    return root[0]


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.unknown: dict[tuple[str, str], list[int]] = {}   # (parent, tag) -> lines

    def skip(self, parent: Node, node: Node) -> None:
        self.unknown.setdefault((parent.tag, node.tag), []).append(node.line)

    def leaves(self, el: Node, child: Node) -> dict[str, str | None]:
        """The fields of ``el``; a field given twice is refused, an unknown element skipped with a warning."""
        allowed = LEAVES[el.tag]
        out: dict[str, str | None] = {}
        for node in el.children:
            if node.tag in allowed and not node.children:
                name = RENAMES.get(node.tag, node.tag)
                if name in out:
                    raise InputError(self.path, f"<{node.tag}> appears twice in one <{el.tag}> (line {node.line}) "
                                                f"of the <CHILD> at line {child.line}: which value is meant?",
                                     row=None)
                out[name] = node.value
            elif el.tag != "HEADER" or node.tag not in NESTED:
                self.skip(el, node)
        return out

    def warnings(self) -> list[str]:
        if not self.unknown:
            return []
        parts = []
        for (parent, tag), lines in sorted(self.unknown.items(), key=lambda kv: kv[1][0]):
            times = f"{len(lines)} times, first at line {lines[0]}" if len(lines) > 1 else f"line {lines[0]}"
            parts.append(f"<{tag}> in <{parent}> ({times})")
        return [f"{self.path}: ignored unknown element(s) {', '.join(parts)}: not in the DfE schema, so their "
                "values are not read; check the element names"]


def read(path: Path, workdir: Path) -> tuple[dict[str, Path], list[str]]:
    """Write one CSV per table found in the XML; return {table: csv path} and warnings."""
    root = parse(path)
    if root.tag != "EXPSSDA903":
        raise InputError(path, f"XML root is <{root.tag}>, expected <EXPSSDA903> (the DfE 903 return)")
    reader = _Reader(path)
    rows: dict[str, list[dict]] = {name: [] for name in
                                   ("header", "episodes", "uasc", *FLAT, *NESTED.values())}
    for child in root.children:
        if child.tag != "CHILD":
            reader.skip(root, child)
            continue
        headers = [n for n in child.children if n.tag == "HEADER"]
        if not headers:
            raise InputError(path, f"the <CHILD> at line {child.line} has no <HEADER>")
        if len(headers) > 1:
            raise InputError(path, f"the <CHILD> at line {child.line} has a second <HEADER> (line {headers[1].line}); "
                                   "one HEADER per child")
        header_el = headers[0]
        h = reader.leaves(header_el, child)
        base = {"CHILD": h.get("CHILD"), "DOB": h.get("DOB")}
        rows["header"].append(h)
        if (h.get("UASC") or "").strip() == "1" or (h.get("DUC") or "").strip():
            rows["uasc"].append(h)
        for table, fields in FLAT.items():
            if any((h.get(f) or "").strip() for f in fields):
                rows[table].append(h)
        for sub in header_el.children:
            if sub.tag in NESTED:
                rows[NESTED[sub.tag]].append({**base, **reader.leaves(sub, child)})
        for ep in child.children:
            if ep.tag == "EPISODE":
                rows["episodes"].append({"CHILD": h.get("CHILD"), **reader.leaves(ep, child)})
            elif ep.tag != "HEADER":
                reader.skip(child, ep)
    if not rows["header"]:
        raise InputError(path, "the XML return holds no CHILD elements")
    # Every table the XML can carry is supplied, even when empty: no <AMISSING> means no rows.
    out: dict[str, Path] = {}
    for table, table_rows in rows.items():
        cols = list(BY_NAME[table].columns) + (["UASC"] if table == "header" else [])
        tmp = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", suffix=f"_{table}.csv",
                                          dir=workdir, delete=False)
        with tmp:
            w = csv.writer(tmp)
            w.writerow(cols)
            for r in table_rows:
                w.writerow([r.get(c) or "" for c in cols])
        out[table] = Path(tmp.name)
    return out, reader.warnings()
