"""Collection years and the rule context (year, collection dates, LA code)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import UsageError

SUPPORTED_YEARS = ("2023/24", "2024/25", "2025/26", "2026/27")
_YEAR = re.compile(r"^(20\d\d)[/_-](\d\d)$")


@dataclass(frozen=True, order=True)
class CollectionYear:
    start_year: int  # 2025 for the 2025/26 return

    @classmethod
    def parse(cls, text: str, supported_only: bool = True) -> "CollectionYear":
        """'2025/26' -> CollectionYear(2025). ``supported_only``: refuse a year outside
        SUPPORTED_YEARS (what a user asks for); rule and code-list files may name any year."""
        m = _YEAR.match(text.strip())
        if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
            raise UsageError(f"--year {text!r} is not a collection year like 2025/26")
        year = cls(int(m.group(1)))
        if supported_only and str(year) not in SUPPORTED_YEARS:
            raise UsageError(f"--year {year} is not supported; choose one of {', '.join(SUPPORTED_YEARS)}")
        return year

    def __str__(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)


def check_la_code(la: str | None) -> str | None:
    """``--la`` as the DfE 3-digit LA code (e.g. 352 for Manchester), given in either form: the
    3-digit code or the ONS code (E08000003), resolved through the bundled la_codes; or None."""
    from .reference import resolve_la

    return resolve_la(la)


@dataclass(frozen=True)
class RuleContext:
    """What every rule may read besides staging: the year and the council."""
    year: CollectionYear
    la_code: str | None = None
    # Deployed views read the dates and LA code from this one-row table instead of literals, so
    # the same views serve another year by updating that row.
    params_table: str | None = None
    # Pooled data (validator903.pooled): many councils per run, so the LA code is each row's
    # council's (v903_council.la_code / la_ons, which the pooled rewrite joins in), not la_code.
    pooled: bool = False

    @property
    def la_ons(self) -> str | None:
        """The council's ONS upper-tier code (bundled la_codes), None when the code is not listed."""
        from .reference import ons_of

        return ons_of(self.la_code) if self.la_code else None

    def jinja_vars(self) -> dict:
        """Values for rule templates. Dates are emitted through the ssda_date helper so each
        dialect writes its own NLS-proof literal."""
        y = self.year
        if self.pooled:
            from .pooled import council_value
            return {**RuleContext(y, params_table=self.params_table).jinja_vars(),
                    "la_code": council_value("la_code"), "la_ons": council_value("la_ons")}
        if self.params_table:
            p = lambda col: f"(SELECT v903p.{col} FROM {self.params_table} AS v903p)"
            return {"year": str(y), "collection_start": p("collection_start"),
                    "collection_end": p("collection_end"), "previous_start": p("previous_start"),
                    "previous_end": p("previous_end"), "la_code": p("la_code"), "la_ons": p("la_ons")}
        return {
            "year": str(y),
            "collection_start": f"ssda_date('{y.start.isoformat()}')",
            "collection_end": f"ssda_date('{y.end.isoformat()}')",
            "previous_start": f"ssda_date('{date(y.start_year - 1, 4, 1).isoformat()}')",
            "previous_end": f"ssda_date('{date(y.start_year, 3, 31).isoformat()}')",
            "la_code": f"'{self.la_code}'" if self.la_code else "NULL",
            "la_ons": f"'{self.la_ons}'" if self.la_ons else "NULL",
        }
