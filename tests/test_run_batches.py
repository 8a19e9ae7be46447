"""`run --url` sends tens of rules per statement (engine.rules_per_query: one Spark job, one
round trip and plan on a server, instead of one each). Whatever the batch, every rule's status,
count and flagged rows are those of running it alone, read-only and deployed; a batch the engine
refuses runs again rule by rule, so a broken rule fails alone and the rest of its batch still runs.
Checked on a DuckDB warehouse (the same code path as every engine)."""
import dataclasses

import duckdb
import pytest

from test_engine_batches import BROKEN, YEAR, write_pack
from validator903.context import RuleContext
from validator903.dialects import spec as real_spec
from validator903.load import load_all
from validator903.resources import sample_dir
from validator903.rules import pack_rules, rules_for_year
from validator903.warehouse import run as remote
from validator903.warehouse.connect import connect
from validator903.warehouse.mapping import load_mapping

SAMPLE = sample_dir()
CTX = RuleContext(YEAR, "999")


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    """The sample's raw text tables (with file row numbers) in a DuckDB database, and a mapping."""
    folder = tmp_path_factory.mktemp("council")
    db = duckdb.connect(str(folder / "return.duckdb"))
    loaded = load_all(db, [SAMPLE / "current"], [SAMPLE / "previous"])
    db.execute("CREATE SCHEMA council")
    for name in loaded.tables:
        db.execute(f"CREATE TABLE council.{name} AS SELECT * FROM raw.{name}")
    db.close()
    (folder / "mapping.yml").write_text("schema: council\nrow_no: row_no\n")
    return f"duckdb:///{folder / 'return.duckdb'}", folder / "mapping.yml", write_pack(folder / "pack")


def run(council, monkeypatch, per: int, deploy: bool = False):
    url, mapping, pack = council
    rules = rules_for_year(YEAR)[::3] + list(pack_rules(pack))  # a third of the catalogue: every shape, CI time
    monkeypatch.setattr(remote, "rules_for_year", lambda year, codes=None: rules)
    monkeypatch.setattr(remote, "spec", lambda d: dataclasses.replace(
        real_spec(d), engine=dataclasses.replace(real_spec(d).engine, rules_per_query=per)))
    if deploy:  # the deployment compiles the same rules (a broken one's view fails: not deployed here)
        rules[:] = [r for r in rules if r.code not in BROKEN]
    conn = connect(url)
    statements = []
    execute = conn.execute
    conn.execute = lambda sql, *a: (statements.append(sql), execute(sql, *a))[1]
    result = remote.run_remote(conn, CTX, load_mapping(mapping, "duckdb"), None, deploy, "ssda903")
    flagged = sorted(result.conn.execute("SELECT code, table_name, row_no, child FROM errors").fetchall(), key=str)
    return [(r.rule.code, r.status.split(":")[0], r.count) for r in result.results], flagged, statements


@pytest.fixture(scope="module")
def alone(council):
    with pytest.MonkeyPatch.context() as mp:
        return run(council, mp, 1)


@pytest.mark.parametrize("per", [7, 1000])
def test_batched_read_only_run_gives_each_rule_what_it_gives_alone(council, alone, monkeypatch, per):
    outcome, flagged, statements = run(council, monkeypatch, per)
    assert (outcome, flagged) == alone[:2]
    assert flagged and {code for code, status, _ in outcome if status == "failed"} == set(BROKEN)
    # every batch holding a broken rule was refused once, then ran rule by rule; the others were one statement each
    assert len([s for s in statements if "UNION ALL" in s and "AS code" in s]) < len(outcome) / per + 2


def test_batched_deployed_run_reads_the_views_in_batches(council, alone, monkeypatch):
    outcome, flagged, statements = run(council, monkeypatch, 25, deploy=True)
    expected = [o for o in alone[0] if o[0] not in BROKEN]
    assert outcome == expected and flagged == alone[1]
    reads = [s for s in statements if s.startswith("SELECT") and "FROM ssda903.err_" in s]
    assert 0 < len(reads) <= len(outcome) / 25 + 1
