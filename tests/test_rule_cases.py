"""Runs every YAML rule case in tests/rule_cases/ against DuckDB: the flagged (table, row) set must
equal the case's `expect`, and each flagged row must name that row's child."""
from pathlib import Path

import pytest

from validator903.rules import all_rules
from validator903.testing import child_of, load_cases, run_case_duckdb

CASES_DIR = Path(__file__).parent / "rule_cases"
CASES = load_cases(CASES_DIR)
# Rules no data can make fire, because the field they check is derived from the one they compare it
# with; they still need cases that must not fire.
CANNOT_FIRE = {"411": "PL_LOCATION is derived from PL_LA (episode_places), so the two always agree"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    flagged = run_case_duckdb(case)
    assert {(t, r) for t, r, _ in flagged} == case.expect
    for table, row, child in flagged:
        assert child == child_of(case, table, row), f"{table} row {row} reported child {child!r}"


@pytest.mark.parametrize("rule", all_rules(), ids=[r.path.name for r in all_rules()])
def test_every_rule_version_has_firing_and_quiet_cases(rule):
    mine = [c for c in CASES if c.code == rule.code and c.rule().path == rule.path]
    assert mine, f"{rule.path.name} has no cases in tests/rule_cases/{rule.code}.yml"
    assert any(c.expect for c in mine) or rule.code in CANNOT_FIRE, f"{rule.path.name}: no case makes it fire"
    total_rows = lambda c: sum(len(rows) for rows in c.tables.values())
    assert any(total_rows(c) > len(c.expect) for c in mine), f"{rule.path.name}: no row that must not fire"
