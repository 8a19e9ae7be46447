"""Runs every YAML fix case in tests/fix_cases/ through the real fix command: changes.csv must hold
exactly the expected rows, and validating the corrected copy must no longer raise the fixed rules'
errors on those rows and must raise no error the original did not. Every declared fix has a case."""
from pathlib import Path

import pytest

from validator903.fixes.cases import load_fix_cases, run_fix_case
from validator903.fixes.spec import fixes_for
from validator903.rules import all_rules

CASES = load_fix_cases(Path(__file__).parent / "fix_cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fix_case(case):
    r = run_fix_case(case)
    want = sorted(tuple(c.get(k, "") for k in ("child", "table", "row", "field", "old", "new", "rule", "confidence"))
                  for c in case.changes)
    assert r.got == want
    assert not r.still_raised, f"the corrected copy still raises {r.still_raised}"
    assert not r.new_errors, f"the corrected copy raises errors the original did not: {r.new_errors}"


def _fix_ids():
    return sorted({(f.code, f.field, f.kind) for f in fixes_for(all_rules())})


@pytest.mark.parametrize("fix", _fix_ids(), ids=[f"{c}:{fl}:{k}" for c, fl, k in _fix_ids()])
def test_every_fix_has_a_case_that_changes_something(fix):
    code, field, _kind = fix
    mine = [c for c in CASES if c.code == code]
    assert any(ch.get("field") == field and code in ch.get("rule", "").split(";") for c in mine for ch in c.changes), \
        f"rule {code}'s fix of {field} has no case in tests/fix_cases/{code}.yml that changes it"
