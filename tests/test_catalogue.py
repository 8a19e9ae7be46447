"""The catalogue's shape: one versioning scheme (years outside the window ignored, open-ended
ranges, a roll-over is a small change), code lists as data, metadata checked at load."""
import pytest

from validator903 import codes, context, derived, rules
from validator903.context import CollectionYear
from validator903.errors import UsageError


def _fresh_catalogue():
    rules.dfe_rules.cache_clear()
    rules.pack_rules.cache_clear()


@pytest.fixture()
def rolled_over(monkeypatch):
    """The supported window moved on a year: 2023/24 dropped, 2027/28 added."""
    monkeypatch.setattr(context, "SUPPORTED_YEARS", ("2024/25", "2025/26", "2026/27", "2027/28"))
    _fresh_catalogue()
    yield
    monkeypatch.undo()
    _fresh_catalogue()


def test_roll_over_is_adding_a_year(rolled_over):
    y2627, y2728 = CollectionYear.parse("2026/27"), CollectionYear.parse("2027/28")
    assert [r.code for r in rules.rules_for_year(y2728)] == [r.code for r in rules.rules_for_year(y2627)]
    assert not [r for r in rules.all_rules() if "2023/24" in r.years]
    with pytest.raises(UsageError):
        CollectionYear.parse("2023/24")  # no longer a year a user may ask for
    # every rule renders in the new year: code lists and derived relations follow the data
    ctx = context.RuleContext(y2728, "352")
    for rule in rules.rules_for_year(y2728):
        assert rule.sql(ctx, "duckdb")
    assert "'Z11'" in codes.template_functions(y2728)["codes"]("PLACE")


def test_a_version_wholly_outside_the_window_is_ignored(tmp_path):
    p = tmp_path / "X1.sql"
    p.write_text("/*\ncode: X1\nname: x\nmessage: m\nfields: [SEX]\ntables: [header]\nyears: 2019/20-2021/22\n*/\n"
                 "SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h\n", encoding="utf-8")
    assert rules._read(p).years == ()


@pytest.mark.parametrize("years, expected", [
    ("2024/25-", ("2024/25", "2025/26", "2026/27")),
    ("2020/21-2023/24", ("2023/24",)),
    ("2025/26", ("2025/26",)),
    (["2023/24", "2026/27-"], ("2023/24", "2026/27")),
])
def test_year_ranges(years, expected):
    assert rules._years(years, "t") == expected


def _write(folder, code, extra="", years="2025/26-"):
    p = folder / f"{code}.sql"
    p.write_text(f"/*\ncode: '{code}'\nname: x\nmessage: m\nfields: [SEX]\ntables: [header]\nyears: {years}\n{extra}*/\n"
                 "SELECT 'header' AS table_name, h.row_no, h.child FROM header AS h\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("extra, complaint", [
    ("severity: warning\n", "severity"),
    ("source: peer\n", "source"),
    ("stage: 3\n", "stage"),
    ("fix: [a]\n", "each fix is a mapping"),
    ("fix: a\n", "fix must be a mapping or a list"),
    ("fix: {kind: guess, field: SEX}\n", "kind 'guess'"),
    ("fix: {kind: code, field: DOB}\n", "DOB is a date: use kind date"),
    ("colour: red\n", "unknown metadata"),
    ("needs: [nosuch]\n", "unknown table"),
])
def test_metadata_is_checked(tmp_path, extra, complaint):
    with pytest.raises(UsageError, match=complaint):
        rules._read(_write(tmp_path, "X1", extra))


def test_metadata_defaults_and_sources():
    by_code = {r.code: r for r in rules.all_rules()}
    assert by_code["INT03"].source == "tool" and by_code["101"].source == "dfe"
    assert {r.severity for r in rules.all_rules()} <= {"error", "query"}
    assert by_code["SW02STG1"].stage == 1 and by_code["SW08STG2"].stage == 2


def test_codes_unique_case_insensitively(tmp_path):
    _write(tmp_path, "197a")
    _write(tmp_path, "197A")
    with pytest.raises(UsageError, match="differ only in case"):
        rules.dfe_rules(tmp_path)


def test_code_lists_by_year():
    place = codes.code_list("PLACE")
    y = CollectionYear.parse
    assert "K3" not in place.valid(y("2023/24")) and "K3" in place.valid(y("2024/25"))
    assert "Z1" in place.valid(y("2024/25")) and "Z1" not in place.valid(y("2025/26"))
    assert {"Z11", "Z12", "Z13", "Z14"} <= set(place.valid(y("2025/26")))
    assert [(c.code, c.last_date.isoformat()) for c in place.retired(y("2025/26"))] == [
        ("H5", "2024-03-31"), ("P2", "2023-10-28"), ("Z1", "2025-03-31")]
    assert place.retired(y("2023/24")) == []
    assert place.valid(y("2025/26"), "temporary") == ["T0", "T1", "T2", "T3", "T4"]
    sex = codes.code_list("SEX")
    assert sex.valid(y("2023/24")) == ["1", "2"] and sex.valid(y("2024/25")) == ["M", "F", "U"]
    assert sex.crosswalk_in(y("2023/24")) == {} and sex.crosswalk_in(y("2024/25")) == {"1": "M", "2": "F"}


def test_code_list_template_functions():
    f = codes.template_functions(CollectionYear.parse("2024/25"))
    assert f["codes"]("SEX") == "('M', 'F', 'U')"
    assert f["crosswalk"]("SEX", "h.sex") == "CASE h.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE h.sex END"
    assert codes.template_functions(CollectionYear.parse("2023/24"))["crosswalk"]("SEX", "h.sex") == "h.sex"
    with pytest.raises(UsageError, match="no group"):
        f["codes"]("PLACE", "nosuch")
    with pytest.raises(UsageError, match="no code list"):
        f["codes"]("NOSUCH")


def test_every_coded_field_has_one_list_naming_its_tables():
    from validator903.tables import BY_NAME

    for name, cl in codes.code_lists().items():
        assert cl.tables, name
        for t in cl.tables:
            assert name in BY_NAME[t].columns or name == "UASC", f"{name} is not a column of {t}"


def test_rules_skip_through_derived_dependencies():
    r = rules.find_rule("142")
    assert r.tables == ("episodes_seq",) and r.requires() == ("episodes",)
    assert derived.base_tables(["child_facts"]) == ("header", "episodes")


def test_a_run_computes_only_the_derived_relations_its_rules_and_fixes_read():
    """prepare(reads=...) computes the derived relations the chosen rules and their fixes read, and
    what those read; the rest are views in main only, which still answer (validation.duckdb keeps
    every relation for analysts)."""
    from validator903 import engine
    from validator903.context import CollectionYear, RuleContext
    from validator903.resources import sample_dir

    ctx = RuleContext(CollectionYear.parse("2025/26"), "999")
    assert engine.relations_read([rules.find_rule("102")]) == {"header", "header_last"}  # its fix reads last year's

    def run(codes):
        conn = engine.open_db(None)
        chosen = rules.rules_for_year(ctx.year, codes)
        loaded = engine.prepare(conn, ctx, [sample_dir() / "current"], [sample_dir() / "previous"],
                                reads=engine.relations_read(chosen)).load
        computed = {t for (t,) in conn.execute(
            f"SELECT table_name FROM duckdb_tables() WHERE database_name = '{derived.RUN_DB}'").fetchall()}
        return conn, chosen, computed, {d.name for d in derived.buildable(loaded.tables)}

    conn, _, computed, _ = run(["101"])
    assert computed == set()
    as_view = conn.execute("SELECT count(*), count(DISTINCT child) FROM child_facts").fetchone()
    assert run(["142"])[2] == {"episodes_seq"}
    assert run(["625"])[2] == {"child_facts", "episodes_seq"}  # child_facts reads episodes_seq
    conn, chosen, computed, buildable = run(None)  # episode_places needs a postcode file: not buildable
    read = engine.relations_read(chosen)
    assert buildable & read <= computed                                      # all the rules read ...
    assert all(name in read or any(name in derived.by_name()[c].reads for c in computed)
               for name in computed)                                         # ... and nothing else
    assert conn.execute("SELECT count(*), count(DISTINCT child) FROM child_facts").fetchone() == as_view


def test_skipped_follows_derived_dependencies(tmp_path):
    """A rule reading episodes_seq is skipped, naming episodes, when no episodes file was given; a
    run with episodes materialises every derived relation in validation.duckdb."""
    import csv
    import shutil

    import duckdb

    from test_cli import SAMPLE, cli

    only_header = tmp_path / "in"
    only_header.mkdir()
    shutil.copy(SAMPLE / "current" / "header.csv", only_header / "header.csv")
    cli("validate", only_header, "--year", "2025/26", "--output", tmp_path / "a", check=0)
    status = {r["code"]: r["status"] for r in csv.DictReader(open(tmp_path / "a" / "summary.csv", encoding="utf-8"))}
    assert status["142"] == "skipped: missing table episodes" and status["101"] == "ran"
    assert status["202"] == "skipped: previous year not supplied"  # header is there, header_last not
    assert status["503A"] == "skipped: missing table episodes"  # this year's table is named first
    cli("validate", SAMPLE / "current", "--previous", SAMPLE / "previous", "--year", "2025/26",
        "--output", tmp_path / "b", check=0)
    db = duckdb.connect(str(tmp_path / "b" / "validation.duckdb"), read_only=True)
    have = {t for (t,) in db.execute("SHOW TABLES").fetchall()}
    # every derived relation its tables allow: episode_places needs a postcode file (none given)
    assert set(derived.derived_names()) - {"episode_places", "episode_places_last"} <= have
    assert "episode_places" not in have and "la_codes" in have
    n_episodes = db.execute("SELECT COUNT(*) FROM episodes").fetchone()[0]
    assert db.execute("SELECT COUNT(*) FROM episodes_seq").fetchone()[0] == n_episodes


def test_the_parsed_catalogue_is_kept_on_disk_and_read_back_unchanged(tmp_path, monkeypatch):
    """The second process parses no rule file: the catalogue comes from the cache, equal field
    for field (fix declarations, paths and tuples included) to what parsing gives."""
    monkeypatch.setenv("VALIDATOR903_CACHE", str(tmp_path))
    _fresh_catalogue()
    parsed = rules.dfe_rules()
    assert (tmp_path / "rules.json").exists()

    def no_parsing(*_):
        raise AssertionError("a rule file was parsed although the cache holds the catalogue")

    monkeypatch.setattr(rules, "_read", no_parsing)
    _fresh_catalogue()
    cached = rules.dfe_rules()
    assert cached == parsed
    for a, b in zip(cached, parsed):
        assert (a.fix, a.path, a.template, a.needs, a.stage) == (b.fix, b.path, b.template, b.needs, b.stage)
        assert type(a.fields) is tuple and type(a.path) is type(b.path)
    monkeypatch.undo()
    _fresh_catalogue()


def test_the_catalogue_cache_is_keyed_by_content_and_the_supported_years(tmp_path, monkeypatch):
    """An edit of the same length within the same clock tick still changes the key (bytes, not
    modification times, are compared); so does a different window of supported years."""
    import os

    from validator903 import rule_cache

    f = tmp_path / "101.sql"
    f.write_text("/* code: '101' */ SELECT 1", encoding="utf-8")
    before, stamp = rule_cache.key([f]), f.stat()
    f.write_text("/* code: '101' */ SELECT 2", encoding="utf-8")
    os.utime(f, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert f.stat().st_size == stamp.st_size and rule_cache.key([f]) != before
    again = rule_cache.key([f])
    monkeypatch.setattr(context, "SUPPORTED_YEARS", ("2024/25", "2025/26"))
    assert rule_cache.key([f]) != again


def test_a_catalogue_json_cannot_carry_exactly_is_not_stored(tmp_path, monkeypatch):
    """A YAML date in a fix declaration would come back as text: nothing is stored, and a stored
    catalogue under another key is not served."""
    import datetime

    from validator903 import rule_cache

    monkeypatch.setenv("VALIDATOR903_CACHE", str(tmp_path))
    rule_cache.save("k", [{"fix": {"on": datetime.date(2025, 3, 31)}}])
    rule_cache.save("k", [{"fix": {1: "a"}}])  # an int key would come back as '1'
    assert not (tmp_path / "rules.json").exists()
    rule_cache.save("k", [{"fix": {"kind": "date"}}])
    assert rule_cache.load("k") == [{"fix": {"kind": "date"}}]
    assert rule_cache.load("other") is None
