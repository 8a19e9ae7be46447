"""Every YAML case of the derived relations (tests/derived_cases/), on DuckDB and on a real
PostgreSQL through the generated SQL: the selected columns must hold exactly the expected rows."""
from pathlib import Path

import pytest

from validator903.derived import derived_relations
from validator903.testing import expected_rows, load_derived_cases, run_derived_dbapi, run_derived_duckdb

CASES = load_derived_cases(Path(__file__).parent / "derived_cases")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_derived_case_duckdb(case):
    assert run_derived_duckdb(case) == expected_rows(case)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_derived_case_postgres(case, pg):
    assert run_derived_dbapi(case, pg, "postgres", "v903_case") == expected_rows(case)


@pytest.mark.parametrize("relation", [d for d in derived_relations() if not d.last], ids=lambda d: d.name)
def test_every_derived_relation_has_cases(relation):
    assert any(c.relation == relation.name for c in CASES), f"no cases for {relation.name}"


@pytest.mark.parametrize("relation", derived_relations(), ids=lambda d: d.name)
def test_documented_columns_are_the_columns(relation):
    """The metadata documents every column analysts will query (episodes_seq groups its prev_/next_
    columns and the staged episode columns under one entry each)."""
    import duckdb

    from validator903.testing import _duckdb_with

    tables = {t: [] for t in ("header", "episodes", "header_last", "episodes_last", "postcodes")}
    conn = _duckdb_with(tables, CASES[0].context())
    got = [r[0] for r in conn.execute(f"DESCRIBE {relation.name}").fetchall()]
    documented = set(relation.columns)
    undocumented = [c for c in got if c not in documented
                    and not (relation.name.startswith("episodes_seq")
                             and (c.startswith(("prev_", "next_")) or c in {"child", "decom", "decom_raw", "rne", "ls",
                                                                            "cin", "place", "place_provider", "dec",
                                                                            "dec_raw", "rec", "reason_place_change",
                                                                            "home_post", "pl_post", "urn"}))]
    assert not undocumented, f"{relation.name}: document {undocumented}"
    assert documented <= set(got), f"{relation.name}: documented but absent: {documented - set(got)}"
