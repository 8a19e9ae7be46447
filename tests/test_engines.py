"""One place per engine: an engine is its dialect table. A copy of the Postgres table under a new
name must be a working engine for deploy scripts, the selftest and URL parsing with no Python
change, and the warehouse code must not branch on engine names."""
import re
import shutil
from pathlib import Path

import pytest

import validator903.dialects as dialects
from validator903.context import CollectionYear, RuleContext
from validator903.errors import UsageError
from validator903.resources import dialects_dir

PACKAGE = Path(dialects.__file__).parent


@pytest.fixture()
def extra_engine(tmp_path, monkeypatch):
    """The shipped tables plus ``lakehouse.yml``, a Postgres copy with its own URL scheme."""
    for f in dialects_dir().glob("*.yml"):
        shutil.copy(f, tmp_path / f.name)
    text = (dialects_dir() / "postgres.yml").read_text(encoding="utf-8")
    text = text.replace("url_schemes: [postgresql+psycopg, postgresql, postgres]", "url_schemes: [lakehouse]")
    text = text.replace("batch_end: \";\\n\"", "batch_end: \";\\n-- next\\n\"")
    (tmp_path / "lakehouse.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(dialects, "dialects_dir", lambda: tmp_path)
    dialects.spec.cache_clear()
    yield "lakehouse"
    dialects.spec.cache_clear()


def test_a_new_dialect_table_is_a_new_engine(extra_engine):
    from validator903.selftest import selftest_script
    from validator903.warehouse.connect import dialect_of
    from validator903.warehouse.deploy import build, render
    from validator903.warehouse.mapping import default_mapping

    assert extra_engine in dialects.engines()
    assert dialect_of("lakehouse://me@host/db") == extra_engine
    ctx = RuleContext(CollectionYear.parse("2025/26"), "352")
    scripts = render(build(extra_engine, ctx, default_mapping("council"), "ssda903"), extra_engine)
    assert "CREATE OR REPLACE VIEW ssda903.err_101 AS" in scripts["04_rules.sql"]
    assert ";\n-- next\n" in scripts["04_rules.sql"]           # its own batch separator
    assert "-- next\n" in selftest_script(extra_engine)


def test_unknown_engine_entry_is_refused(tmp_path, monkeypatch):
    for f in dialects_dir().glob("*.yml"):
        shutil.copy(f, tmp_path / f.name)
    text = (tmp_path / "duckdb.yml").read_text(encoding="utf-8")
    (tmp_path / "duckdb.yml").write_text(text.replace("  now: CURRENT_TIMESTAMP", "  now: CURRENT_TIMESTAMP\n  nwo: x"))
    monkeypatch.setattr(dialects, "dialects_dir", lambda: tmp_path)
    dialects.spec.cache_clear()
    try:
        with pytest.raises(UsageError, match="nwo"):
            dialects.spec("duckdb")
    finally:
        dialects.spec.cache_clear()


@pytest.mark.parametrize("engine", dialects.DIALECTS)
def test_every_table_has_the_whole_vocabulary(engine):
    e = dialects.spec(engine).engine
    assert e.url_schemes and e.driver and e.probes and e.scalar_functions <= e.functions
    # a text type takes its length, or has none at all (Spark's STRING: VARCHAR(n) is only a
    # table-column check there, and Spark 3.5 refuses it in a CAST)
    assert ("{n}" in e.text_type) == (e.text(7) != e.text(8)) and "{select}" in e.create_view and "{name}" in e.drop_table
    assert e.text(7).count("7") == ("{n}" in e.text_type)


def test_warehouse_code_does_not_branch_on_engine_names():
    names = "|".join(re.escape(d) for d in dialects.DIALECTS if d != "duckdb")
    pattern = re.compile(rf"""["']({names})["']""")
    for path in [*sorted((PACKAGE / "warehouse").glob("*.py")), PACKAGE / "selftest.py", PACKAGE / "compile.py"]:
        hits = [line for line in path.read_text(encoding="utf-8").splitlines() if pattern.search(line)]
        assert hits == [], f"{path.name}: {hits}"
