"""`validator903 selftest --dialect D`: a script a council runs on its own server to check every
portable helper (SQL Server and Oracle cannot run in our CI) and to show the settings that matter:
version, collation, language / NLS. Each helper row reads ok or FAIL."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from .dialects import spec, transpile

HELPER_CASES = Path(__file__).resolve().parent / "helper_cases.yml"

def _literal(want) -> str:
    if isinstance(want, bool):
        return "1" if want else "0"
    if isinstance(want, date):
        return f"ssda_date('{want.isoformat()}')"
    if isinstance(want, int):
        return str(want)
    return "'" + str(want).replace("'", "''") + "'"


def check_rows(dialect: str) -> list[str]:
    rows = []
    for i, case in enumerate(yaml.safe_load(HELPER_CASES.read_text(encoding="utf-8")), start=1):
        expr, want = case["expr"], case["want"]
        got = f"CASE WHEN {expr} THEN 1 ELSE 0 END" if isinstance(want, bool) else expr
        verdict = (f"CASE WHEN ({got}) IS NULL THEN 'ok' ELSE 'FAIL' END" if want is None else
                   f"CASE WHEN ({got}) = {_literal(want)} THEN 'ok' ELSE 'FAIL' END")
        label = expr.replace("'", "''")
        sql = transpile(f"SELECT {i} AS id, '{label}' AS helper_call, {verdict} AS verdict", dialect)
        rows.append(sql + spec(dialect).engine.from_dual)
    return rows


def selftest_script(dialect: str) -> str:
    eng = spec(dialect).engine
    sep = eng.batch_end
    head = (f"-- validator903 selftest for {dialect}.\n"
            "-- Run this whole script on the server that will hold the views. The first result lists\n"
            "-- one row per helper check: every verdict must read 'ok'. A FAIL means this server's\n"
            "-- settings or version change a helper's meaning: send the row to the project.\n"
            "-- The next result(s) show the version, collation and date/language settings; rules never\n"
            "-- rely on implicit text-to-date conversion, so the language setting does not matter.\n")
    checks = "\nUNION ALL\n".join(check_rows(dialect))
    return head + checks + sep + sep.join(eng.probes) + sep
