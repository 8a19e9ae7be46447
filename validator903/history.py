"""``validate --history DIR``: each run's summary, kept in DIR/history.duckdb.

Tables of the store (one row per run, one per rule per run; no child ids, no values):

    runs        run_id, run_at, year, la, source, tool_version, children (in the return),
                rows_flagged, children_flagged, new, fixed
    rule_runs   run_id, code, name, status, rows, children, new, fixed
    last_keys   year, la, code, key_hash: the latest run's errors, each as an md5 of the same key
                --compare-with matches on (code, table, child, natural key, occurrence), so the
                next run counts new and fixed errors without keeping any child id in clear
    store_info  name, value (format = 'validator903 history 1')

New and fixed count against the previous run of the same year and LA in the store; the first
run has none (NULL). A rule that did not run this time keeps its earlier keys and counts nothing
fixed, as with --compare-with.

The store is never written in place: the run writes a new one beside it (the earlier rows, then
its own), checkpoints, and only once the run's reports are swapped in renames the copy over
history.duckdb (an atomic rename). A run that stops — bad input, Ctrl+C, a crash, a kill — leaves
the store exactly as it was; a lock file beside it keeps two runs from adding at once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .engine import insert_rows
from .errors import UsageError
from .trend import RulePoint, Trend, TrendRun

STORE = "history.duckdb"
FORMAT = "validator903 history 1"
_ALIAS = "v903_history"
_EARLIER = "v903_history_before"
TABLES = ("store_info", "runs", "rule_runs", "last_keys")

DDL = (
    "CREATE TABLE IF NOT EXISTS {h}.store_info (name VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS {h}.runs (run_id INTEGER PRIMARY KEY, run_at TIMESTAMP, year VARCHAR, la VARCHAR, "
    "source VARCHAR, tool_version VARCHAR, children INTEGER, rows_flagged INTEGER, children_flagged INTEGER, "
    "new INTEGER, fixed INTEGER)",
    "CREATE TABLE IF NOT EXISTS {h}.rule_runs (run_id INTEGER, code VARCHAR, name VARCHAR, status VARCHAR, "
    "rows INTEGER, children INTEGER, new INTEGER, fixed INTEGER, PRIMARY KEY (run_id, code))",
    "CREATE TABLE IF NOT EXISTS {h}.last_keys (year VARCHAR, la VARCHAR, code VARCHAR, key_hash VARCHAR)",
)
# the key --compare-with matches errors on (reports/data.py), hashed: the store keeps no child id
KEY_HASH = ("md5(concat_ws(chr(31), code, table_name, coalesce(child, ''), nkey, CAST(occ AS VARCHAR)))")


def check_folder(folder: Path, inputs: list[Path]) -> None:
    """Before the run: DIR must be a folder we may write in, and not one the return is read from."""
    p = Path(os.path.abspath(folder))
    if p.exists() and not p.is_dir():
        raise UsageError(f"--history {folder}: is a file, not a folder")
    real = Path(os.path.realpath(p))
    for i in inputs:
        ri = Path(os.path.realpath(i))
        if ri == real or (i.is_file() and ri.parent == real):
            raise UsageError(f"--history {folder}: is where the input {i} is read from; keep the history elsewhere")
    store = p / STORE
    if store.exists() and not store.is_file():
        raise UsageError(f"--history {folder}: {store} is not a file")
    if store.is_file():  # a store we could not add to is said now, not after every rule has run
        import duckdb

        conn = duckdb.connect()
        try:
            _open_store(conn, store, Path(folder), read_only=True)
        finally:
            conn.close()


@dataclass
class Pending:
    """This run's store, written aside: ``commit`` renames it over history.duckdb, ``release``
    removes it if not committed and unlocks."""
    tmp: Path
    final: Path
    lock_fd: int
    lock_path: Path
    trend: Trend
    run_id: int
    committed: bool = False

    def commit(self) -> None:
        from .outputs import _hold_interrupts

        with _hold_interrupts():
            os.replace(self.tmp, self.final)
            self.committed = True

    def release(self) -> None:
        if not self.committed:
            for p in (self.tmp, self.tmp.with_name(self.tmp.name + ".wal")):
                p.unlink(missing_ok=True)
        try:
            self.lock_path.unlink(missing_ok=True)
        except OSError:
            pass
        os.close(self.lock_fd)


def _lock(folder: Path, option: str) -> tuple[int, Path]:
    from .outputs import _try_lock

    path = folder / f".{STORE}.v903.lock"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise UsageError(f"{option} {folder}: another validator903 run is adding to its history; wait for it")
        try:  # the run that held it may have just removed the file: then lock the new one
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return fd, path
        except FileNotFoundError:
            pass
        os.close(fd)


def _open_store(conn, path: Path, folder: Path, read_only: bool = False, alias: str = _ALIAS) -> None:
    mode = " (READ_ONLY)" if read_only else ""
    try:
        conn.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS {alias}{mode}")
    except Exception as e:
        raise UsageError(f"--history {folder}: cannot open {STORE} ({str(e).splitlines()[0]}); "
                         "move it aside to start a new history") from None
    tables = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?",
                                         [alias]).fetchall()}
    if tables and not (set(TABLES) <= tables and conn.execute(
            f"SELECT value FROM {alias}.store_info WHERE name = 'format'").fetchone() == (FORMAT,)):
        conn.execute(f"DETACH {alias}")
        raise UsageError(f"--history {folder}: {STORE} is not a validator903 history ({FORMAT}); "
                         "move it aside to start a new history")


def prepare(folder: Path, data, source: str) -> Pending:
    """Add this run (a gathered ReportData) to a copy of the store; returns it, not yet committed."""
    from . import __version__

    folder = Path(os.path.abspath(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"--history {folder}: cannot create it ({e.strerror or e})") from None
    fd, lock_path = _lock(folder, "--history")
    final = folder / STORE
    tmp = folder / f".{STORE}.v903-{os.getpid()}"
    try:
        for stale in folder.glob(f".{STORE}.v903-*"):  # a killed run's copy: we hold the lock, it is no one's
            stale.unlink(missing_ok=True)
        pending = Pending(tmp, final, fd, lock_path, Trend([]), 0)
        conn = data.conn
        _open_store(conn, tmp, folder)
        try:
            for ddl in DDL:
                conn.execute(ddl.format(h=_ALIAS))
            if final.is_file():  # rewritten whole, not appended to: the file stays as small as its rows
                _open_store(conn, final, folder, read_only=True, alias=_EARLIER)
                try:
                    for t in TABLES:
                        conn.execute(f"INSERT INTO {_ALIAS}.{t} SELECT * FROM {_EARLIER}.{t}")
                finally:
                    conn.execute(f"DETACH {_EARLIER}")
            pending.run_id = _add_run(conn, data, source, __version__)
            pending.trend = _read(conn, data.year, data.la, f"{final}")
            conn.execute(f"CHECKPOINT {_ALIAS}")
        finally:
            conn.execute(f"DETACH {_ALIAS}")
    except BaseException:
        tmp.unlink(missing_ok=True)
        try:
            lock_path.unlink(missing_ok=True)
        finally:
            os.close(fd)
        raise
    return pending


def _add_run(conn, data, source: str, version: str) -> int:
    h = _ALIAS
    conn.execute(f"INSERT INTO {h}.store_info VALUES ('format', ?) ON CONFLICT DO NOTHING", [FORMAT])
    year, la = data.year, data.la
    f = data.figures()
    run_at = conn.execute("SELECT max(finished_at) FROM run_info").fetchone()[0]
    run_id = conn.execute(f"SELECT coalesce(max(run_id), 0) + 1 FROM {h}.runs").fetchone()[0]
    earlier = conn.execute(f"SELECT COUNT(*) FROM {h}.runs WHERE year = ? AND la IS NOT DISTINCT FROM ?",
                           [year, la]).fetchone()[0] > 0
    conn.execute(f"CREATE OR REPLACE TEMP TABLE history_now AS SELECT DISTINCT code, {KEY_HASH} AS key_hash "
                 "FROM report_errors")
    conn.execute(f"CREATE OR REPLACE TEMP TABLE history_before AS SELECT code, key_hash FROM {h}.last_keys "
                 "WHERE year = ? AND la IS NOT DISTINCT FROM ?", [year, la])
    ran = "(SELECT code FROM rule_results WHERE status = 'ran')"
    new = dict(conn.execute("SELECT code, COUNT(*) FROM history_now WHERE NOT EXISTS (SELECT 1 FROM history_before AS b "
                            "WHERE b.key_hash = history_now.key_hash) GROUP BY code").fetchall())
    fixed = dict(conn.execute(f"SELECT code, COUNT(*) FROM history_before WHERE code IN {ran} AND NOT EXISTS "
                              "(SELECT 1 FROM history_now AS n WHERE n.key_hash = history_before.key_hash) "
                              "GROUP BY code").fetchall())
    rules = data.rules()
    cmp = (lambda d, r: d.get(r["code"], 0) if earlier and r["status"] == "ran" else None)
    insert_rows(conn, f"{h}.rule_runs",
                [[run_id, r["code"], r["name"], r["status"], r["count"], r["children"], cmp(new, r), cmp(fixed, r)]
                 for r in rules])
    conn.execute(f"INSERT INTO {h}.runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [run_id, run_at, year, la, source, version, f["children"], f["rows_flagged"], f["children_flagged"],
                  sum(new.values()) if earlier else None, sum(fixed.values()) if earlier else None])
    # the next run compares with these keys; rules that did not run keep the keys they had
    conn.execute(f"DELETE FROM {h}.last_keys WHERE year = ? AND la IS NOT DISTINCT FROM ? AND code IN {ran}", [year, la])
    conn.execute(f"INSERT INTO {h}.last_keys SELECT ?, ?, code, key_hash FROM history_now", [year, la])
    conn.execute("DROP TABLE history_now")
    conn.execute("DROP TABLE history_before")
    return run_id


def _read(conn, year: str | None, la: str | None, source: str) -> Trend:
    """The runs of one year and LA in the attached store, oldest first (by default the year and LA
    of the newest run)."""
    h = _ALIAS
    if year is None or la is None:  # what is not given is the newest (matching) run's
        row = conn.execute(f"SELECT year, la FROM {h}.runs WHERE (? IS NULL OR year = ?) AND (? IS NULL OR la = ?) "
                           "ORDER BY run_at DESC, run_id DESC LIMIT 1", [year, year, la, la]).fetchone()
        if row is None:
            return Trend([], source=source)
        year, la = row
    runs = [TrendRun(rid, at, y, l, kids, rows, flagged, new, fixed) for rid, at, y, l, kids, rows, flagged, new, fixed in
            conn.execute(f"SELECT run_id, run_at, year, la, children, rows_flagged, children_flagged, new, fixed "
                         f"FROM {h}.runs WHERE year = ? AND la IS NOT DISTINCT FROM ? ORDER BY run_at, run_id",
                         [year, la]).fetchall()]
    by_id = {r.run_id: r for r in runs}
    names: dict[str, str] = {}
    for rid, code, name, status, rows, kids, new, fixed in conn.execute(
            f"SELECT r.run_id, r.code, r.name, r.status, r.rows, r.children, r.new, r.fixed FROM {h}.rule_runs AS r "
            f"JOIN {h}.runs AS u USING (run_id) WHERE u.year = ? AND u.la IS NOT DISTINCT FROM ? "
            "ORDER BY r.run_id, r.code", [year, la]).fetchall():
        by_id[rid].rules[code] = RulePoint(rows, kids, new, fixed, status)
        names[code] = name
    return Trend(runs, names, source)


def read_history(folder: Path, year: str | None = None, la: str | None = None) -> Trend:
    """The store's runs of a year and LA (default: those of its latest run), for `trends --history`."""
    import duckdb

    store = Path(folder) / STORE
    if not store.is_file():
        raise UsageError(f"--history {folder}: no {STORE} there (made by validate --history {folder})")
    conn = duckdb.connect()
    try:
        _open_store(conn, store, Path(folder), read_only=True)
        return _read(conn, year, la, str(store))
    finally:
        conn.close()
