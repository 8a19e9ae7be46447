"""YAML cases for fixes (``tests/fix_cases/<CODE>.yml``), run through the real ``fix`` command::

    rule: '101'
    cases:
      old_coding:
        year: 2025/26          # optional; default: the latest year the rule has
        apply: certain         # optional; default all
        tables:                # rows as written in the CSVs; *_last tables are last year's return
          header:
            - {CHILD: '1', SEX: '1', DOB: 01/01/2010}
        changes:               # the expected changes.csv rows (reason is not compared)
          - {child: '1', table: header, row: 1, field: SEX, old: '1', new: M, rule: '101', confidence: certain}

Each case writes its tables as CSV files, runs ``fix`` on them with every rule of the year, and
checks (``check``) that changes.csv holds exactly the expected rows, that validating the corrected
copy no longer raises the fixed rules' errors on those rows, and that it raises no error the
original did not.
"""
from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..context import CollectionYear, RuleContext
from ..errors import UsageError
from ..rules import find_rule, rules_for_year
from ..tables import LAST_SUFFIX, spec_for

COMPARED = ("child", "table", "row", "field", "old", "new", "rule", "confidence")


@dataclass
class FixCase:
    file: Path
    code: str
    name: str
    year: CollectionYear
    la: str | None
    apply: str
    tables: dict[str, list[dict]]
    changes: list[dict]

    @property
    def id(self) -> str:
        return f"{self.code}:{self.name}"


def load_fix_cases(folder: Path) -> list[FixCase]:
    cases = []
    for path in sorted(folder.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        code = str(doc.get("rule", ""))
        for name, c in (doc.get("cases") or {}).items():
            year = CollectionYear.parse(str(c.get("year") or find_rule(code).years[-1]))
            tables = {str(t): list(rows or []) for t, rows in (c.get("tables") or {}).items()}
            for t in tables:
                try:
                    spec_for(t)
                except KeyError:
                    raise UsageError(f"{path}: case {name}: unknown table {t!r}") from None
            changes = [{k: ("" if v is None else str(v)) for k, v in row.items()} for row in c.get("changes") or []]
            cases.append(FixCase(path, code, str(name), year, str(c["la"]) if c.get("la") else None,
                                 str(c.get("apply") or "all"), tables, changes))
    return cases


def _write(folder: Path, table: str, rows: list[dict]) -> None:
    spec = spec_for(table)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{spec.name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(spec.columns)
        w.writerows([[("" if r.get(c) is None else str(r[c])) for c in spec.columns] for r in rows])


@dataclass
class FixCaseResult:
    case: FixCase
    got: list[dict]
    still_raised: list[tuple]     # (rule, table, row) of a fixed cell still flagged by its rule
    new_errors: list[tuple]

    @property
    def ok(self) -> bool:
        want = sorted(tuple(c.get(k, "") for k in COMPARED) for c in self.case.changes)
        return self.got == want and not self.still_raised and not self.new_errors


def run_fix_case(case: FixCase) -> FixCaseResult:
    from .command import run_fix

    with tempfile.TemporaryDirectory(prefix="v903_fixcase_") as tmp:
        cur, prev = Path(tmp) / "current", Path(tmp) / "previous"
        for table, rows in case.tables.items():
            _write(prev if table.endswith(LAST_SUFFIX) else cur, table, rows)
        ctx = RuleContext(case.year, case.la)
        result = run_fix(ctx, rules_for_year(case.year), [cur], [prev] if prev.exists() else None,
                         Path(tmp) / "out", apply=case.apply)
        with open(Path(tmp) / "out" / "changes.csv", encoding="utf-8", newline="") as f:
            got = sorted(tuple(r[k] for k in COMPARED) for r in csv.DictReader(f))
        still = sorted((rule, c.table, c.row) for c in result.applied for rule in c.rules
                       if (rule, c.table, c.row) in result.after)
        return FixCaseResult(case, got, still, result.new_errors)
