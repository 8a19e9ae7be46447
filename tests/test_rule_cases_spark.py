"""Every YAML rule case again on a local Spark, through the generated Databricks SQL: the flagged
rows (table, row and child) must be the case's expectation, as on DuckDB and PostgreSQL.

A Spark statement is a job (tens of milliseconds to seconds even on ten rows), so the cases run
pooled (validator903.testing.run_cases_pooled): each case is a council of its own in one set of
tables, each rule runs once for all its cases, several rules per statement. That the pooled run
gives every case exactly its own result is checked on DuckDB in test_pooled.py."""
import pytest

from test_rule_cases import CASES
from validator903.testing import child_of, run_cases_pooled, spark_target

RULES_PER_QUERY = 30


@pytest.fixture(scope="module")
def spark_results(spark):
    return dict(zip((c.id for c in CASES), run_cases_pooled(CASES, spark_target(spark), RULES_PER_QUERY)))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case_spark(case, spark_results):
    assert spark_results[case.id] == {(t, r, child_of(case, t, r)) for t, r in case.expect}
