"""`synth` looks like a council: a clean return when no error is injected (ages, legal statuses,
placements and codes all fit; OC2, adoption, care leavers, missing spells, motherhood and DoLOs
follow the rules), each injected error really flagged by its rule, and a few error kinds making
most of the errors. (The bundled sample is no longer compared with synth's output: it is kept as
an earlier synth wrote it, because the report tests count its rows.)"""
import csv
from collections import Counter
from datetime import date

import duckdb
import pytest

from validator903 import engine
from validator903.context import CollectionYear, RuleContext
from validator903.rules import rules_for_year
from validator903.synth import RULE_OF, generate, write_csvs


def validate(tmp_path, children, year, seed, error_rate):
    y = CollectionYear.parse(year)
    s = generate(children, y, seed, error_rate)
    write_csvs(s.current, tmp_path / "cur", y)
    write_csvs(s.previous, tmp_path / "prev", CollectionYear(y.start_year - 1))
    conn = duckdb.connect()
    run = engine.prepare(conn, RuleContext(y, "352"), [tmp_path / "cur"], [tmp_path / "prev"])
    engine.run_rules(run, rules_for_year(y))
    return s, conn


@pytest.mark.parametrize("year", ["2023/24", "2024/25", "2025/26", "2026/27"])
def test_a_clean_synthetic_return_flags_nothing(tmp_path, year):
    _, conn = validate(tmp_path, 3000, year, 7, 0.0)
    flagged = conn.execute("SELECT code, COUNT(*) FROM errors GROUP BY 1 ORDER BY 1").fetchall()
    assert flagged == []


def test_a_clean_return_has_what_a_council_records(tmp_path):
    """Outcomes for the children looked after 12 months, adoption decisions, care leavers and their
    episodes, missing spells and (2026/27) DoLOs are all there, not left out to stay clean."""
    _, conn = validate(tmp_path, 3000, "2026/27", 7, 0.0)
    count = lambda sql: conn.execute(sql).fetchone()[0]
    in_oc2 = count("SELECT COUNT(*) FROM child_facts WHERE continuously_looked_after = 1")
    assert in_oc2 > 600 and count("SELECT COUNT(*) FROM oc2") == in_oc2
    assert count("SELECT COUNT(*) FROM placed_for_adoption WHERE date_placed_ceased IS NOT NULL") > 0
    assert count("SELECT COUNT(*) FROM placed_for_adoption") > 30 and count("SELECT COUNT(*) FROM ad1") > 0
    assert count("SELECT COUNT(*) FROM episodes WHERE place LIKE 'A%'") > 10
    assert count("SELECT COUNT(*) FROM oc3") > 150
    assert count("SELECT COUNT(*) FROM oc3 WHERE child IN (SELECT child FROM episodes)") > 10   # left this year
    assert count("SELECT COUNT(*) FROM oc3 WHERE child IN (SELECT child FROM episodes_last)") > 100
    assert count("SELECT COUNT(*) FROM missing") > 200
    assert count("SELECT COUNT(*) FROM dolo") > 10 and count("SELECT COUNT(*) FROM dolo WHERE dolo_end IS NULL") > 0


def test_ages_legal_statuses_and_placements_fit(tmp_path):
    _, conn = validate(tmp_path, 5000, "2025/26", 3, 0.0)
    ages = dict(conn.execute("""
        SELECT CASE WHEN age < 1 THEN 'under 1' WHEN age < 10 THEN '1-9' WHEN age < 16 THEN '10-15' ELSE '16+' END,
               COUNT(*)
        FROM (SELECT floor(date_diff('day', dob, DATE '2026-03-31') / 365.25) AS age FROM header) GROUP BY 1""").fetchall())
    share = {k: v / sum(ages.values()) for k, v in ages.items()}   # DfE: about 5%, 34%, 38%, 23%
    assert 0.02 < share["under 1"] < 0.09 and 0.28 < share["1-9"] < 0.40 and 0.32 < share["10-15"] < 0.44
    assert 0.15 < share["16+"] < 0.32
    years = lambda dob, on: on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    rows = [(ls, place, years(dob, decom)) for ls, place, dob, decom in conn.execute(
        "SELECT e.ls, e.place, h.dob, e.decom FROM episodes AS e JOIN header AS h USING (child)").fetchall()]
    assert not [r for r in rows if r[0] in ("J1", "J2", "J3") and r[2] < 10], "no remand under 10"
    assert not [r for r in rows if r[0] == "D1"], "freeing orders ended in 2005"
    assert not [r for r in rows if r[1] in ("K3", "H5") and r[2] < 16], "supported accommodation from 16"
    assert not [r for r in rows if r[1].startswith("A") and r[0] != "E1"], "placed for adoption under a placement order"
    assert {r[0] for r in rows} >= {"C1", "C2", "V2", "E1"}   # no L2/J2: their time limits are not modelled


def test_every_injected_error_is_flagged_by_its_rule(tmp_path):
    s, conn = validate(tmp_path, 4000, "2025/26", 11, 0.08)
    flagged = set(conn.execute("SELECT code, child FROM errors").fetchall())
    assert len(s.injected) > 250
    missing = [(child, kind) for child, kind in s.injected if (RULE_OF[kind], child) not in flagged]
    assert missing == []
    assert len({kind for _, kind in s.injected}) == len(RULE_OF), "every kind is used"


def test_a_few_kinds_make_most_errors(tmp_path):
    _, conn = validate(tmp_path, 4000, "2025/26", 5, 0.05)
    counts = [n for _, n in conn.execute("SELECT code, COUNT(*) FROM errors GROUP BY 1 ORDER BY 2 DESC").fetchall()]
    assert sum(counts[:3]) * 2 > sum(counts) and len(counts) >= 8


def test_the_bundled_sample_is_current_synth_output(tmp_path):
    """validator903/sample is `write_sample(…, 200, 2025/26, seed=SAMPLE_SEED, error_rate=SAMPLE_ERROR_RATE)`:
    regenerate it when synth changes."""
    from validator903.resources import sample_dir
    from validator903.synth import SAMPLE_ERROR_RATE, SAMPLE_SEED, write_sample

    write_sample(tmp_path, 200, CollectionYear.parse("2025/26"), SAMPLE_SEED, SAMPLE_ERROR_RATE)
    for part in ("current", "previous"):
        assert sorted(f.name for f in (tmp_path / part).glob("*.csv")) == \
            sorted(f.name for f in (sample_dir() / part).glob("*.csv"))
        for f in sorted((sample_dir() / part).glob("*.csv")):
            assert (tmp_path / part / f.name).read_bytes() == f.read_bytes(), f"{part}/{f.name}"
