"""``validator903 trends --url``: the trend of the snapshots in ``<schema>.v903_error_history``.

Three read-only aggregate queries, in SQL every supported engine runs as written (CTEs, window
functions, NOT EXISTS, COALESCE; no AS before table aliases, for Oracle): per snapshot, per rule
the rows and children flagged, and the errors new and fixed since the snapshot before. Errors are
matched on (code, table_name, child, natural_key, occurrence) — the BI contract's key, with an
occurrence number for two errors sharing it, as --compare-with does. Snapshots do not record how
many children the return had, so that column is empty.
"""
from __future__ import annotations

from datetime import datetime

from ..errors import UsageError, first_line
from ..trend import RulePoint, Trend, TrendRun
from .connect import Connection
from .deploy import HISTORY


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _queries(name: str, where: str) -> tuple[str, str, str]:
    # '-' stands in for a missing child or natural key: Oracle stores '' as NULL
    keyed = (f"SELECT snapshot_id, code, table_name, COALESCE(child, '-') AS child, "
             f"COALESCE(natural_key, '-') AS nkey, ROW_NUMBER() OVER (PARTITION BY snapshot_id, code, table_name, "
             f"child, natural_key ORDER BY row_no) AS occ FROM {name}{where}")
    snaps = (f"WITH s AS (SELECT snapshot_id, MIN(snapshot_at) AS snapshot_at, MIN(collection_year) AS y, "
             f"MIN(la_code) AS la, COUNT(*) AS n_rows, COUNT(DISTINCT child) AS n_children FROM {name}{where} "
             "GROUP BY snapshot_id) SELECT snapshot_id, snapshot_at, y, la, n_rows, n_children FROM s "
             "ORDER BY snapshot_id")
    per_rule = (f"SELECT snapshot_id, code, MIN(rule_name), COUNT(*), COUNT(DISTINCT child) FROM {name}{where} "
                "GROUP BY snapshot_id, code")
    changes = (f"WITH k AS ({keyed}), "
               f"ids AS (SELECT DISTINCT snapshot_id FROM {name}{where}), "
               "p AS (SELECT snapshot_id, LAG(snapshot_id) OVER (ORDER BY snapshot_id) AS prev_id FROM ids), "
               "nw AS (SELECT p.snapshot_id, c.code FROM p JOIN k c ON c.snapshot_id = p.snapshot_id "
               "WHERE p.prev_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM k o WHERE o.snapshot_id = p.prev_id "
               "AND o.code = c.code AND o.table_name = c.table_name AND o.child = c.child AND o.nkey = c.nkey "
               "AND o.occ = c.occ)), "
               "fx AS (SELECT p.snapshot_id, o.code FROM p JOIN k o ON o.snapshot_id = p.prev_id "
               "WHERE NOT EXISTS (SELECT 1 FROM k c WHERE c.snapshot_id = p.snapshot_id "
               "AND o.code = c.code AND o.table_name = c.table_name AND o.child = c.child AND o.nkey = c.nkey "
               "AND o.occ = c.occ)) "
               "SELECT snapshot_id, code, 'new', COUNT(*) FROM nw GROUP BY snapshot_id, code "
               "UNION ALL SELECT snapshot_id, code, 'fixed', COUNT(*) FROM fx GROUP BY snapshot_id, code")
    return snaps, per_rule, changes


def read_trend(conn: Connection, schema: str, year: str | None = None, la: str | None = None) -> Trend:
    """The snapshots of one collection year and LA (default: those of the newest snapshot)."""
    name = f"{schema}.{HISTORY}"
    try:
        if year is None:
            row = conn.execute(f"SELECT collection_year, la_code FROM {name} WHERE snapshot_id = "
                               f"(SELECT MAX(snapshot_id) FROM {name})").fetchone()
            if row is None:
                raise UsageError(f"{name} has no snapshot yet: run validator903 snapshot --url … first")
            year, la = row[0], (la or row[1])
        where = f" WHERE collection_year = {_lit(year)}" + (f" AND la_code = {_lit(la)}" if la else "")
        snaps_sql, rules_sql, changes_sql = _queries(name, where)
        snaps = conn.execute(snaps_sql).fetchall()
        if not snaps:
            raise UsageError(f"{name} has no snapshot of {year}" + (f", LA {la}" if la else ""))
        per_rule = conn.execute(rules_sql).fetchall()
        changes = conn.execute(changes_sql).fetchall()
    except UsageError:
        raise
    except Exception as e:
        raise UsageError(f"cannot read {name} ({first_line(e)}); deploy with run --deploy and take a snapshot first") from None
    runs = [TrendRun(int(sid), _when(at), y, l, None, int(n), int(k)) for sid, at, y, l, n, k in snaps]
    by_id = {r.run_id: r for r in runs}
    names: dict[str, str] = {}
    for sid, code, rule_name, n, k in per_rule:
        by_id[int(sid)].rules[code] = RulePoint(int(n), int(k))
        names[code] = rule_name or ""
    for r in runs[1:]:  # from the second snapshot on, every rule of both has new and fixed (0 when none)
        r.new, r.fixed = 0, 0
        for p in r.rules.values():
            p.new, p.fixed = 0, 0
    for sid, code, what, n in changes:
        r = by_id[int(sid)]
        p = r.rules.setdefault(code, RulePoint(0, 0, 0, 0))  # a rule with nothing left: all fixed
        setattr(p, what, int(n))
        setattr(r, what, getattr(r, what) + int(n))
    return Trend(runs, names, f"{conn.safe_url} {name}")


def _when(value) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.fromisoformat(str(value))
