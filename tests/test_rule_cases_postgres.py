"""Every YAML rule case again on a real PostgreSQL, through the generated Postgres SQL: the flagged
rows must be identical to DuckDB's (and to the case's expectation)."""
import pytest

from test_rule_cases import CASES
from validator903.testing import run_case_dbapi, run_case_duckdb


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case_postgres(case, pg):
    got = run_case_dbapi(case, pg, "postgres", "v903_case")
    assert {(t, r) for t, r, _ in got} == case.expect
    assert got == run_case_duckdb(case)
