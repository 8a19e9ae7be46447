"""--format json: errors.json, one document for other tools.

    {"report": "validator903", "version": 1,
     "run": {year, la, children, rows_loaded, …, [compared_with, new, open, fixed]},
     "rules": [{code, name, message, fields: [...], status, count, children, [new, open, fixed]}],
     "errors": [{code, table, row, child, message, fields: [...], values: {FIELD: value},
                 locator, social_worker, [status]}],                 # errors.csv order
     "fixed": [{code, table, row, child, message, fields, values, locator}]}   # with --compare-with

Values are the flagged row's text as in the file (null when blank).
"""
from __future__ import annotations

import json
from pathlib import Path

from .data import ReportData


def _fields(text) -> list[str]:
    return [f for f in (text or "").split(";") if f]


def write_json(data: ReportData, path: Path) -> Path:
    compared = data.compared_with is not None
    run = data.figures()
    rules = []
    for r in data.rules():
        item = {"code": r["code"], "name": r["name"], "message": r["message"], "fields": _fields(r["fields"]),
                "status": r["status"], "count": r["count"], "children": r["children"]}
        if compared:
            item.update(new=r["new"], open=r["open"], fixed=r["fixed"])
        rules.append(item)

    def error(e: dict, with_status: bool) -> dict:
        item = {"code": e["code"], "table": e["table_name"], "row": e["row_no"], "child": e["child"],
                "message": e["message"], "fields": _fields(e["fields"]), "values": json.loads(e["vals_json"] or "{}"),
                "locator": e["locator"]}
        if "social_worker" in e:
            item["social_worker"] = e["social_worker"]
        if with_status:
            item["status"] = e["status"]
        return item

    doc = {"report": "validator903", "version": 1, "run": run, "rules": rules,
           "errors": [error(e, compared) for e in data.errors()]}
    if compared:
        doc["fixed"] = [error(e, False) for e in data.fixed()]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return path
