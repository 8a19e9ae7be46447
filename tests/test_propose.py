"""propose() runs every fix in one statement; a fix that fails at run time sends it back to one
statement per fix, so that fix alone is reported and the others' rows are exactly those of the
single statement."""
import dataclasses

import pytest

from validator903 import engine
from validator903.context import CollectionYear, RuleContext
from validator903.fixes.propose import changes, propose
from validator903.fixes.spec import fixes_for
from validator903.resources import sample_dir
from validator903.rules import rules_for_year

FIXES = "SELECT code, table_name, row_no, child, field, old, new, confidence, reason FROM fixes"


@pytest.fixture(scope="module")
def run(sample_with_a_certain_fix):
    ctx = RuleContext(CollectionYear.parse("2025/26"), "999")
    conn = engine.open_db(None)
    run = engine.prepare(conn, ctx, [sample_with_a_certain_fix], [sample_dir() / "previous"])
    rules = rules_for_year(ctx.year)
    engine.run_rules(run, rules)
    yield run, rules
    conn.close()


def _broken(rules, run):
    """A suggested fix of the first flagged fixable rule's field whose SQL fails on every row
    (a CHILD id made text and cast to a number), declared for that rule, so it runs."""
    flagged = {r.rule.code for r in run.results if r.status == "ran" and r.count}
    fix = next(f for f in fixes_for(rules) if f.code in flagged)
    rule = next(r for r in rules if r.code == fix.code)
    sql = (f"SELECT '{fix.table}' AS table_name, t.row_no, 'X' AS new, 'broken' AS reason "
           f"FROM {fix.table} AS t WHERE CAST(t.child || 'x' AS INTEGER) > 0")
    return dataclasses.replace(rule, fix={"kind": "sql", "field": fix.field, "table": fix.table,
                                          "confidence": "suggested", "sql": sql, "tables": [fix.table]})


def test_a_failing_fix_is_reported_alone_and_the_others_still_propose(run):
    run, rules = run
    good = propose(run, rules)
    rows = sorted(run.conn.execute(FIXES).fetchall())
    assert good.failed == [] and good.fixes == len(rows) > 0
    assert {r[7] for r in rows} == {"certain", "suggested"}

    broken = _broken(rules, run)
    again = propose(run, rules + [broken])
    assert len(again.failed) == 1 and again.failed[0].startswith(f"{broken.path.name}: fix")
    assert "Conversion Error" in again.failed[0]
    assert sorted(run.conn.execute(FIXES).fetchall()) == rows  # one statement per fix: the same rows
    assert again.fixes == good.fixes


def test_conflicts_are_listed_in_table_row_field_order(run):
    run, rules = run
    propose(run, rules)
    run.conn.execute("INSERT INTO fixes VALUES ('ZZ2', 'header', 2, 'c', 'SEX', 'x', '1', 'certain', 'r'), "
                     "('ZZ1', 'header', 2, 'c', 'SEX', 'x', '2', 'certain', 'r'), "
                     "('ZZ2', 'episodes', 9, 'c', 'LS', 'x', 'V2', 'certain', 'r'), "
                     "('ZZ1', 'episodes', 9, 'c', 'LS', 'x', 'V3', 'certain', 'r')")
    _, conflicts = changes(run.conn)
    ours = [c for c in conflicts if "ZZ1" in c]
    assert ours == ["episodes row 9 LS: rules ZZ1, ZZ2 propose V2 or V3; left for a person",
                    "header row 2 SEX: rules ZZ1, ZZ2 propose 1 or 2; left for a person"]
