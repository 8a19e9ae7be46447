"""Error trends over a collection year: one point per run (or warehouse snapshot).

The same model is filled from a local ``--history`` store (validator903.history) and from the
warehouse's ``v903_error_history`` (validator903.warehouse.trends), and drawn by the trend page of
report.html (reports/trend_page.py) and the Trend sheet of report.xlsx (reports/trend_sheet.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

TOP_RULES = 6   # the rules drawn over time: more lines than this are unreadable


@dataclass
class RulePoint:
    rows: int
    children: int
    new: int | None = None      # None: nothing earlier to compare with
    fixed: int | None = None
    status: str = "ran"


@dataclass
class TrendRun:
    run_id: int
    run_at: datetime
    year: str | None
    la: str | None
    children: int | None            # children in the return (None when unknown: a warehouse snapshot)
    rows_flagged: int
    children_flagged: int
    new: int | None = None
    fixed: int | None = None
    rules: dict[str, RulePoint] = field(default_factory=dict)


@dataclass
class Trend:
    runs: list[TrendRun]                      # oldest first
    names: dict[str, str] = field(default_factory=dict)   # code -> the rule's short name
    source: str = ""                          # where the points come from, for the page's subtitle

    @property
    def codes(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self.runs:
            for c in r.rules:
                seen.setdefault(c, None)
        return list(seen)

    def top_rules(self, n: int = TOP_RULES) -> list[str]:
        """The rules to draw over time: most children flagged in the latest run, then the most at
        any run (a rule fixed since still shows how it fell), then code."""
        if not self.runs:
            return []
        last = self.runs[-1].rules
        peak = {c: max((r.rules[c].children for r in self.runs if c in r.rules), default=0) for c in self.codes}
        ranked = sorted((c for c in self.codes if peak[c] > 0),
                        key=lambda c: (-(last[c].children if c in last else 0), -peak[c], c))
        return ranked[:n]

    def weekly(self) -> list[tuple[date, int, int]]:
        """(Monday of the week, errors new, errors fixed) summed over the runs of each ISO week; runs
        with nothing earlier to compare with are left out."""
        weeks: dict[date, list[int]] = {}
        for r in self.runs:
            if r.new is None and r.fixed is None:
                continue
            monday = r.run_at.date() - timedelta(days=r.run_at.weekday())
            w = weeks.setdefault(monday, [0, 0])
            w[0] += r.new or 0
            w[1] += r.fixed or 0
        return [(d, n, f) for d, (n, f) in sorted(weeks.items())]

    def label(self, code: str) -> str:
        name = (self.names.get(code) or "").replace("_", " ")
        return f"{code} {name}".strip()
