"""``validator903 benchmark``: an anonymised summary of a run that a council can share, and the
comparison of several councils' summaries.

The export reads only aggregates from a run's validation.duckdb — never a row of a 903 table, a
child id, a date or a value — and writes: LA code, collection year, run date, children in the
return, children with errors, and per DfE rule (a council's own pack rules are left out: no one
else has them) its status, rows flagged, children flagged and the rate per 100 children.

Suppression (the DfE's confidentiality convention, with its symbol): every count from 1 to 4 —
rows, children, children with errors — is written as "c", and so is the rate computed from a
suppressed children count (the rate times the children in the return would give the count back).
0 is written as 0, as the DfE does ("where any number is shown as zero, the original figure
submitted was zero"). No secondary suppression is applied because no suppressed count can be
worked out from the others: the export has no totals that are sums of the per-rule counts (rules
overlap, so children with errors is a distinct count, not a sum, and there is no total of rows),
and a rule's rows and children differ only for rules on multi-row tables, where rows >= children.
The children in the return are the council's published looked-after population and are not
suppressed.
"""
from __future__ import annotations

import json
import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

FORMAT = "validator903 benchmark 1"
SUPPRESS_BELOW = 5        # counts 1..4 are suppressed
SYMBOL = "c"              # the GSS / DfE symbol for a value suppressed to protect confidentiality
OUTLIER_RATIO = 2.0       # a rate at least twice the others' median ...
OUTLIER_GAP = 1.0         # ... and at least 1 per 100 children above it (or half of it, when that is >= 1)


def suppress(n: int | None):
    if n is None:
        return None
    return SYMBOL if 0 < n < SUPPRESS_BELOW else int(n)


def _rate(children, total: int | None):
    if not isinstance(children, int) or not total:
        return None if children is None else (SYMBOL if children == SYMBOL else None)
    return round(100.0 * children / total, 2)


# -- export ---------------------------------------------------------------------------------
def export(run_dir: Path, la: str | None = None) -> dict:
    import duckdb

    db = Path(run_dir) / "validation.duckdb"
    if not db.is_file():
        raise UsageError(f"{run_dir}: no validation.duckdb there (give the --output folder of a validate run)")
    try:
        conn = duckdb.connect(str(db), read_only=True)
    except Exception as e:
        raise UsageError(f"{db}: cannot open it ({str(e).splitlines()[0]})") from None
    try:
        tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")
                  .fetchall()}
        missing = {"run_info", "rule_results", "errors"} - tables
        if missing:
            raise UsageError(f"{db}: has no {', '.join(sorted(missing))} (was that run finished?)")
        if "header" not in tables:
            raise UsageError(f"{run_dir}: that run had no header table, so the children in the return are unknown")
        year, run_la, finished = conn.execute("SELECT year, la, finished_at FROM run_info LIMIT 1").fetchone()
        la = la or run_la
        if not la:
            raise UsageError(f"{run_dir}: that run was given no LA code (--la); give --la here")
        children = conn.execute("SELECT COUNT(DISTINCT child) FROM header WHERE child IS NOT NULL").fetchone()[0]
        flagged = conn.execute("SELECT COUNT(DISTINCT child) FROM errors WHERE child IS NOT NULL").fetchone()[0]
        rows = conn.execute("""
            SELECT r.code, r.name, split_part(r.status, ':', 1) AS status, r.count, COUNT(DISTINCT e.child)
            FROM rule_results AS r LEFT JOIN errors AS e ON e.code = r.code
            WHERE coalesce(r.source, 'dfe') <> 'council'
            GROUP BY r.code, r.name, r.status, r.count, r.sort_order ORDER BY r.sort_order""").fetchall()
    finally:
        conn.close()
    rules = []
    for code, name, status, count, kids in rows:
        ran = status == "ran"
        k = suppress(kids) if ran else None
        rules.append({"code": code, "name": name, "status": status, "rows": suppress(count) if ran else None,
                      "children": k, "rate_per_100": _rate(k, children) if ran else None})
    return {"format": FORMAT, "la": la, "year": year, "run_date": finished.date().isoformat() if finished else None,
            "children": children, "children_flagged": suppress(flagged),
            "children_flagged_per_100": _rate(suppress(flagged), children),
            "suppression": f"counts from 1 to {SUPPRESS_BELOW - 1} and the rates computed from them are "
                           f"written as \"{SYMBOL}\"; 0 is 0",
            "rules": rules}


def write_json_aside(doc: dict, out: Path) -> Path:
    """Written beside ``out`` and renamed over it: the file is whole or not there."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.v903-{os.getpid()}")
    try:
        tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, out)
    except OSError as e:
        raise UsageError(f"--out {out}: cannot write it ({e.strerror or e})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out


# -- compare --------------------------------------------------------------------------------
@dataclass
class Council:
    la: str
    year: str
    run_date: str | None
    children: int
    children_flagged: object
    children_flagged_per_100: object
    file: Path
    rules: dict[str, dict]


@dataclass
class Cell:
    rate: object            # float, "c" (suppressed) or None (the rule did not run there)
    children: object
    median_others: float | None
    outlier: str | None     # "high", "low" or None


@dataclass
class Comparison:
    councils: list[Council]
    codes: list[str]                       # every rule that ran in at least one council, in code order
    names: dict[str, str]
    cells: dict[tuple[str, str], Cell]      # (code, la) -> Cell
    common: list[str]                      # rules that flagged children in every council
    warnings: list[str] = field(default_factory=list)

    def median(self, code: str) -> float | None:
        rates = [self.cells[(code, c.la)].rate for c in self.councils]
        rates = [r for r in rates if isinstance(r, float)]
        return round(statistics.median(rates), 2) if rates else None

    def outliers(self) -> list[tuple[str, str, Cell]]:
        """(la, code, cell) of every outlier, high ones first, then by how far from the median."""
        found = [(la, code, c) for (code, la), c in self.cells.items() if c.outlier]
        return sorted(found, key=lambda t: (t[2].outlier != "high", -abs(t[2].rate - t[2].median_others), t[0], t[1]))


def _load(path: Path) -> Council:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UsageError(f"{path}: not a benchmark export ({e})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise UsageError(f"{path}: not a benchmark export (no \"format\": \"{FORMAT}\"; "
                         "make one with validator903 benchmark export)")
    try:
        rules = {r["code"]: r for r in doc["rules"]}
        children = int(doc["children"])
        return Council(str(doc["la"]), str(doc["year"]), doc.get("run_date"), children, doc.get("children_flagged"),
                       doc.get("children_flagged_per_100"), Path(path), rules)
    except (KeyError, TypeError, ValueError) as e:
        raise UsageError(f"{path}: a benchmark export without {e} (made by another version?)") from None


def _number(v) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _judge(rate: float | None, median: float | None) -> str | None:
    if rate is None or median is None:
        return None
    if rate >= OUTLIER_RATIO * median and rate - median >= OUTLIER_GAP:
        return "high"
    if median >= OUTLIER_GAP and rate <= median / OUTLIER_RATIO:
        return "low"
    return None


def compare(files: list[Path]) -> Comparison:
    if len(files) < 2:
        raise UsageError("benchmark compare: give at least two exports (three or more for a median that means something)")
    councils = [_load(f) for f in files]
    seen: dict[str, Path] = {}
    for c in councils:
        if c.la in seen:
            raise UsageError(f"{c.file}: LA {c.la} again (also {seen[c.la]}); give one export per council")
        seen[c.la] = c.file
    warnings = []
    years = sorted({c.year for c in councils})
    if len(years) > 1:
        warnings.append(f"the exports are of different years ({', '.join(years)}): the rules differ between years")
    names: dict[str, str] = {}
    codes: dict[str, None] = {}
    for c in councils:
        for code, r in c.rules.items():
            if r.get("status") == "ran":
                codes.setdefault(code, None)
                names.setdefault(code, r.get("name") or "")
    ordered = sorted(codes, key=lambda c: (0, int(c), c) if c.isdigit() else (1, 0, c))
    rate = {(code, c.la): c.rules.get(code, {}).get("rate_per_100") if c.rules.get(code, {}).get("status") == "ran"
            else None for code in ordered for c in councils}
    cells = {}
    for code in ordered:
        for c in councils:
            others = [x for o in councils if o.la != c.la and (x := _number(rate[(code, o.la)])) is not None]
            med = round(statistics.median(others), 2) if others else None
            r = rate[(code, c.la)]
            r = float(r) if _number(r) is not None else r
            cells[(code, c.la)] = Cell(r, c.rules.get(code, {}).get("children"), med, _judge(_number(r), med))
    common = [code for code in ordered
              if all(cells[(code, c.la)].children == SYMBOL or (isinstance(cells[(code, c.la)].children, int)
                                                                 and cells[(code, c.la)].children > 0)
                     for c in councils)]
    return Comparison(councils, ordered, names, cells, common, warnings)
