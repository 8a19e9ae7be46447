"""Pooled data: many councils (and years) in one table, every rule within each council.

The rewrite (validator903.pooled) must change no result for a council: every rule case runs
pooled beside all the others (the cases share child ids, UPNs and row numbers, so any join,
window, group or subquery that crossed councils would flag or hide rows) and must flag exactly
its own rows; the bundled sample pooled for two councils and two years must give each council
validate's errors, read-only and deployed."""
import csv
import subprocess
import sys

import duckdb
import pytest

from test_rule_cases import CASES
from validator903.context import CollectionYear, RuleContext
from validator903.dialects import generate, parse
from validator903.errors import UsageError
from validator903.load import load_all
from validator903.pooled import partition
from validator903.resources import sample_dir
from validator903.rules import find_rule
from validator903.testing import child_of, duckdb_target, run_cases_pooled
from validator903.warehouse.connect import connect
from validator903.warehouse.mapping import load_mapping
from validator903.warehouse.run import run_remote

SAMPLE = sample_dir()


def test_every_rule_case_pooled_flags_its_own_rows():
    got = run_cases_pooled(CASES, duckdb_target(duckdb.connect()))
    wrong = [c.id for c, g in zip(CASES, got) if g != {(t, r, child_of(c, t, r)) for t, r in c.expect}]
    assert wrong == []


def test_rewrite_partitions_joins_windows_groups_and_subqueries():
    sql = ("SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h "
           "JOIN (SELECT e.child, COUNT(*) AS n FROM episodes AS e GROUP BY e.child) AS c ON c.child = h.child "
           "WHERE EXISTS (SELECT 1 FROM header AS o WHERE o.upn = h.upn AND o.row_no <> h.row_no) "
           "AND h.row_no = (SELECT MIN(x.row_no) FROM header AS x) "
           "AND ROW_NUMBER() OVER (PARTITION BY h.child ORDER BY h.row_no) > 0")
    out = generate(partition(parse(sql)[0]), "duckdb")
    assert "c.v903_la = h.v903_la" in out                      # the join
    assert "GROUP BY e.v903_la, e.child" in out and "e.v903_la AS v903_la" in out  # the derived table
    assert "o.v903_la = h.v903_la" in out and "x.v903_la = h.v903_la" in out  # correlated or not
    assert "PARTITION BY h.v903_la, h.child" in out
    assert out.startswith("SELECT 'header' AS table_name, h.row_no, h.child, h.v903_la AS v903_la")
    # a query over no council relation is left alone
    assert generate(partition(parse("SELECT 1 AS a FROM v903_parameters AS p")[0]), "duckdb") == \
        "SELECT 1 AS a FROM v903_parameters AS p"


def test_rewrite_refuses_an_alias_shadowed_in_a_subquery():
    sql = "SELECT h.row_no FROM header AS h WHERE EXISTS (SELECT 1 FROM header AS h WHERE h.sex = 'M')"
    with pytest.raises(UsageError, match="alias 'h'"):
        partition(parse(sql)[0])


# the sample's postcodes with made-up places: Manchester's (M...) and Wigan's (WN...) among them,
# S1 2HE in no file; so placements are IN for one council and OUT for the other
POSTCODE_LAS = {"M": "E08000003", "WN": "E08000010", "BL": "E08000001", "OL": "E08000004", "SK": "E08000007",
                "L": "E08000012", "LS": "E08000035", "CH": "E06000050"}
# two councils with the same children: Manchester by its DfE code, Wigan by its ONS code
COUNCILS = ("352", "E08000010")


@pytest.fixture(scope="module")
def postcode_file(tmp_path_factory):
    postcodes = sorted({r[c] for part in ("current", "previous")
                        for r in csv.DictReader(open(SAMPLE / part / "episodes.csv", encoding="utf-8"))
                        for c in ("HOME_POST", "PL_POST") if r[c] and r[c] != "S1 2HE"})
    path = tmp_path_factory.mktemp("postcodes") / "nspl.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["pcd", "pcds", "laua", "cty", "oseast1m", "osnrth1m", "doterm"])
        for i, pc in enumerate(postcodes):
            area = pc.split()[0].rstrip("0123456789")
            w.writerow([pc, pc, POSTCODE_LAS[area], "E99999999", 380000 + 1000 * i, 390000 + 700 * i, ""])
    return path


@pytest.fixture(scope="module")
def pooled_db(tmp_path_factory, postcode_file):
    """The sample as one pooled table per 903 table: two councils with the same children, this
    year's and last year's rows side by side (la, yr columns); the postcode directory, everyone's,
    beside them (no council, no year)."""
    folder = tmp_path_factory.mktemp("pooled")
    local = duckdb.connect()
    loaded = load_all(local, [SAMPLE / "current"], [SAMPLE / "previous"])
    db = duckdb.connect(str(folder / "pooled_return.duckdb"))
    db.execute("CREATE SCHEMA pool")
    db.close()
    local.execute(f"ATTACH '{folder / 'pooled_return.duckdb'}' AS pooldb")
    names = [t for t in loaded.tables if not t.endswith("_last")]
    for name in names:
        parts = []
        for la in COUNCILS:
            for rel, yr in ((name, "2025/26"), (name + "_last", "2024/25")):
                if rel in loaded.tables:
                    parts.append(f"SELECT '{la}' AS la, '{yr}' AS yr, * FROM raw.{rel}")
        local.execute(f"CREATE TABLE pooldb.pool.{name} AS " + " UNION ALL BY NAME ".join(parts))
    local.execute(f"CREATE TABLE pooldb.pool.postcodes AS SELECT ROW_NUMBER() OVER () AS row_no, * "
                  f"FROM read_csv('{postcode_file}', all_varchar = true)")
    local.close()
    mapping = folder / "mapping.yml"
    mapping.write_text("schema: pool\nrow_no: row_no\nla_column: la\nyear_column: yr\ntables:\n"
                       + "".join(f"  {t}: {{source: {t}}}\n" for t in [*names, "postcodes"]))
    return folder / "pooled_return.duckdb", mapping


@pytest.fixture(scope="module")
def validate_errors(tmp_path_factory, postcode_file):
    """Each council's errors from validate, its LA given with --la."""
    errors = {}
    for la in COUNCILS:
        out = tmp_path_factory.mktemp("validate")
        p = subprocess.run([sys.executable, "-m", "validator903", "validate", SAMPLE / "current", "--previous",
                            SAMPLE / "previous", "--year", "2025/26", "--la", la, "--postcodes", postcode_file,
                            "--output", out, "-q"], capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
        errors[la] = {(r["code"], r["table"], int(r["row"]), r["child"] or None)
                      for r in csv.DictReader(open(out / "errors.csv", encoding="utf-8"))}
    return errors


def test_the_councils_differ_where_their_own_la_is_read(validate_errors):
    """The pooled comparison below means something for the rules reading the council's LA: the
    two councils' errors differ, in those rules only."""
    a, b = (validate_errors[la] for la in COUNCILS)
    differing = {e[0] for e in a ^ b}
    assert differing and all(find_rule(code).needs_la for code in differing)


@pytest.mark.parametrize("deploy", [False, True], ids=["read-only", "deploy"])
def test_pooled_run_gives_each_council_its_own_errors(pooled_db, validate_errors, deploy):
    """Every rule, those reading reference data too (the bundled LA codes, the postcode directory,
    each council's own LA code from its rows): each council's errors are validate's with its --la."""
    path, mapping_file = pooled_db
    conn = connect(f"duckdb:///{path}")
    try:
        mapping = load_mapping(mapping_file, "duckdb")
        ctx = RuleContext(CollectionYear.parse("2025/26"))
        run = run_remote(conn, ctx, mapping, None, deploy, "ssda903")
        assert [r.rule.code for r in run.results if r.status.startswith("failed")] == []
        ran = {r.rule.code for r in run.results if r.status == "ran"}
        assert {"633", "1015", "179", "164"} <= ran   # LA codes, the council's own LA, postcodes
        rows = run.conn.execute("SELECT la_code, code, table_name, row_no, child FROM errors").fetchall()
        for la in COUNCILS:
            assert {(c, t, r, ch) for l, c, t, r, ch in rows if l == la} == validate_errors[la]
        assert {r[0] for r in rows} == set(COUNCILS)
        if deploy:  # the errors view names each row's council
            view = conn.execute("SELECT la_code, code, table_name, row_no, child FROM ssda903.errors").fetchall()
            assert sorted(view) == sorted(rows)
    finally:
        conn.close()


def test_rewrite_reads_the_councils_own_la_and_leaves_reference_data_shared():
    """A pooled rule reads its council's LA through one join of v903_councils to the select over
    council rows, also for a subquery over reference data only (one level of correlation, as Spark
    needs); reference data (la_codes, a CTE over providers and postcodes) gets no council match."""
    ctx = RuleContext(CollectionYear.parse("2025/26"), pooled=True)
    out = generate(partition(parse(find_rule("229").render(ctx))[0]), "duckdb")
    assert out.count("LEFT JOIN v903_councils AS v903_council ON v903_council.v903_la = e.v903_la") == 1
    assert "l.utla = v903_council.la_ons" in out and " l.v903_la" not in out and "pc.v903_la" not in out
    out = generate(partition(parse(find_rule("633").render(ctx))[0]), "duckdb")
    assert "v903_la = pp.v903_la" not in out and "v903_councils" not in out
    # one council: the literal, as before
    single = find_rule("229").render(RuleContext(CollectionYear.parse("2025/26"), "352"))
    assert "'E08000003'" in single and "v903_council" not in single


def test_run_refuses_la_with_a_pooled_mapping(pooled_db):
    path, mapping_file = pooled_db
    p = subprocess.run([sys.executable, "-m", "validator903", "run", "--url", f"duckdb:///{path}", "--mapping",
                        mapping_file, "--year", "2025/26", "--la", "352", "-q"], capture_output=True, text=True)
    assert p.returncode == 2 and "a pooled mapping names each row's council" in p.stderr, p.stderr
