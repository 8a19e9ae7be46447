"""Read the DfE XML return (root EXPSSDA903) into the same per-table CSVs a council would export.

Structure (domain.md section 2): EXPSSDA903/CHILD/HEADER holds the child's fields plus AREVIEW,
AMISSING, OC2, PERMANENCE and AD_PLACED children; EPISODE elements sit beside HEADER. CHILDID is
renamed CHILD and PL is renamed PLACE. Header.UASC comes straight from the <UASC> flag, and a UASC
row exists for a child whose flag is 1 (or who has a DUC date). Rows are numbered in order of
appearance. The XML has no social worker episodes or DoLOs: supply those as CSV beside it.
"""
from __future__ import annotations

import csv
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError
from ..tables import BY_NAME

RENAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
# HEADER sub-elements that hold one row of a table each.
NESTED = {"AREVIEW": "reviews", "AMISSING": "missing", "OC2": "oc2", "PERMANENCE": "previous_permanence",
          "AD_PLACED": "placed_for_adoption"}
# Tables whose fields sit directly in HEADER; a row exists when any of its own fields is present.
FLAT = {"oc3": ("IN_TOUCH", "ACTIV", "ACCOM"),
        "ad1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")}
HEADER_FIELDS = {"CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC", "MOTHER", "MC_DOB"} \
    | set(FLAT["oc3"]) | set(FLAT["ad1"])


def _leaves(el: ET.Element) -> dict[str, str | None]:
    out = {}
    for node in el:
        if len(node) == 0:
            out[RENAMES.get(node.tag, node.tag)] = node.text
    return out


def read(path: Path, workdir: Path) -> tuple[dict[str, Path], list[str]]:
    """Write one CSV per table found in the XML; return {table: csv path} and warnings."""
    warnings: list[str] = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        line, col = e.position
        raise InputError(path, f"broken XML at line {line}, column {col}: {str(e).split(':')[0]}") from None
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror}") from None
    if root.tag != "EXPSSDA903":
        raise InputError(path, f"XML root is <{root.tag}>, expected <EXPSSDA903> (the DfE 903 return)")
    rows: dict[str, list[dict]] = {name: [] for name in
                                   ("header", "episodes", "uasc", *FLAT, *NESTED.values())}
    unknown: set[str] = set()
    for i, child in enumerate(root, start=1):
        if child.tag != "CHILD":
            unknown.add(child.tag)
            continue
        header_el = child.find("HEADER")
        if header_el is None:
            raise InputError(path, f"CHILD element number {i} has no HEADER")
        h = _leaves(header_el)
        unknown |= {k for k in h if k not in HEADER_FIELDS and k not in RENAMES.values()}
        base = {"CHILD": h.get("CHILD"), "DOB": h.get("DOB")}
        rows["header"].append(h)
        if (h.get("UASC") or "").strip() == "1" or (h.get("DUC") or "").strip():
            rows["uasc"].append(h)
        for table, fields in FLAT.items():
            if any((h.get(f) or "").strip() for f in fields):
                rows[table].append(h)
        for sub in header_el:
            if len(sub) and sub.tag in NESTED:
                rows[NESTED[sub.tag]].append({**base, **_leaves(sub)})
            elif len(sub):
                unknown.add(sub.tag)
        for ep in child:
            if ep.tag == "EPISODE":
                rows["episodes"].append({"CHILD": h.get("CHILD"), **_leaves(ep)})
            elif ep.tag != "HEADER":
                unknown.add(ep.tag)
    if not rows["header"]:
        raise InputError(path, "the XML return holds no CHILD elements")
    if unknown:
        warnings.append(f"{path}: ignored unknown element(s) {', '.join(sorted(unknown))}")
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
    return out, warnings
