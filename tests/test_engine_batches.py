"""Rules run in batches (engine.run_batch): one INSERT of a UNION ALL of tens of rules, counted with
GROUP BY code. Whatever the batch size, every rule's status, count and flagged rows are those of
running it alone; a batch that fails runs again rule by rule, so a broken rule fails alone."""
import csv

import duckdb
import pytest

from test_cli import SAMPLE, cli
from validator903 import engine
from validator903.context import CollectionYear, RuleContext
from validator903.rules import pack_rules, rules_for_year

YEAR = CollectionYear.parse("2025/26")

BROKEN = {  # a rule that cannot bind, and one that fails only while it runs
    "LA901": "SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h WHERE h.no_such_column = '1'",
    "LA902": "SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h WHERE CAST(h.child || 'x' AS INTEGER) > 0",
}


def write_pack(folder):
    folder.mkdir()
    for code, sql in BROKEN.items():
        (folder / f"{code}.sql").write_text(
            f"/*\ncode: {code}\nname: broken_{code.lower()}\nmessage: Broken on purpose.\nfields: [CHILD]\n"
            f"tables: [header]\nyears: 2024/25-\n*/\n{sql}\n", encoding="utf-8")
    return folder


def run_all(rules, batch_size):
    conn = duckdb.connect()
    run = engine.prepare(conn, RuleContext(YEAR, "999"), [SAMPLE / "current"], [SAMPLE / "previous"])
    seen = []
    engine.run_rules(run, rules, on_rule=seen.append, batch_size=batch_size)
    flagged = sorted(conn.execute("SELECT code, table_name, row_no, child FROM errors").fetchall(), key=str)
    return run, seen, flagged


def outcome(run):
    return [(r.rule.code, r.status, r.count) for r in run.results]


@pytest.fixture(scope="module")
def alone():
    return run_all(rules_for_year(YEAR), 1)


@pytest.mark.parametrize("batch_size", [7, 40, 1000])
def test_batches_give_each_rule_what_it_gives_alone(alone, batch_size):
    rules = rules_for_year(YEAR)
    run, seen, flagged = run_all(rules, batch_size)
    assert outcome(run) == outcome(alone[0])
    assert [r.rule.code for r in seen] == [r.code for r in rules]  # progress in rule order, once each
    assert flagged == alone[2]
    assert sum(r.count for r in run.results) == len(flagged) > 0
    assert {s for _, s, _ in outcome(run)} >= {"ran"}


def test_a_broken_rule_fails_alone_and_its_batch_still_runs(alone, tmp_path):
    broken = pack_rules(write_pack(tmp_path / "pack"))
    rules = rules_for_year(YEAR)
    # the broken rules sit inside batches of good ones
    mixed = rules[:5] + [broken[0]] + rules[5:60] + [broken[1]] + rules[60:]
    run, _, flagged = run_all(mixed, 40)
    status = {r.rule.code: r.status for r in run.results}
    assert status["LA901"].startswith("failed: Binder Error") and "no_such_column" in status["LA901"]
    assert status["LA902"].startswith("failed: Conversion Error")
    good = [o for o in outcome(run) if o[0] not in BROKEN]
    assert good == outcome(alone[0])
    assert flagged == alone[2]


def test_profile_times_the_slowest_rules_alone(tmp_path):
    p = cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26",
            "--output", tmp_path, "--profile", check=0)
    assert "slowest rules, each timed alone" in p.stdout and "median rule" in p.stdout
    plans = list((tmp_path / "profile").glob("*.txt"))
    assert len(plans) == 10 and all("Total Time" in f.read_text() for f in plans)
    summary = {r["code"]: r for r in csv.DictReader(open(tmp_path / "summary.csv", encoding="utf-8"))}
    assert {p.stem for p in plans} <= {c for c, r in summary.items() if r["status"] == "ran"}


def test_batches_wait_on_the_derived_relations_they_read():
    """Rules reading staging alone come first, so they fill the cores while the derived relations
    are computed; a batch waits on the relations its rules read; one reading reference data the
    user supplied (a TEMP table, and episode_places over it) runs on the connection itself."""
    picked = [rules_for_year(YEAR, [c])[0] for c in ("142", "101", "392a", "625", "102")]
    runnable = [(i, r, "") for i, r in enumerate(picked)]
    batches = list(engine._batches(runnable, 2))
    assert [[r.code for _, r, _ in chunk] for chunk, _, _ in batches] == [["101", "102"], ["625", "142"], ["392a"]]
    assert [(reads, on_cursor) for _, reads, on_cursor in batches] == [
        (frozenset(), True), (frozenset({"child_facts", "episodes_seq"}), True), (frozenset({"episode_places"}), False)]


def test_rules_run_beside_the_derived_relations_as_validate_runs_them(alone, tmp_path):
    """validate loads and stages (engine.load), then run_rules computes the derived relations with
    the run's pending work (the staged tables' checkpoint) beside the rule batches: every rule's
    status, count and rows are those of each rule run alone after prepare. Afterwards the pending
    work has run, the checkpoint threshold is back, and nothing the rules read is left to compute."""
    from validator903.derived import materialise_duckdb
    from validator903.side_by_side import Job

    conn = engine.open_db(tmp_path / "validation.duckdb")
    conn.execute("SET checkpoint_threshold = '32MiB'")
    run = engine.load(conn, RuleContext(YEAR, "999"), [SAMPLE / "current"], [SAMPLE / "previous"])
    assert [j.name for j in run.pending] == ["checkpoint"]
    assert conn.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] != "32.0 MiB"
    assert conn.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'v903_run'").fetchone()[0] == 0
    ran = []
    run.pending.append(Job("probe", call=lambda cur: ran.append(cur.execute("SELECT count(*) FROM episodes").fetchone())))
    seen = []
    rules = rules_for_year(YEAR)
    engine.run_rules(run, rules, on_rule=seen.append)
    assert outcome(run) == outcome(alone[0])
    assert [r.rule.code for r in seen] == [r.code for r in rules]
    assert sorted(conn.execute("SELECT code, table_name, row_no, child FROM errors").fetchall(), key=str) == alone[2]
    assert ran and ran[0][0] > 0 and run.pending == [] and run.restore == []
    assert conn.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "32.0 MiB"
    assert materialise_duckdb(conn, run.ctx, run.load.tables, wanted=engine.relations_read(rules)) == []
    conn.close()
