"""What every report shows, gathered with SQL inside the run's DuckDB connection.

``gather`` builds two temporary tables next to ``errors`` and ``rule_results`` (temporary, so
validation.duckdb keeps exactly its documented tables):

``report_errors``
    one row per flagged row per rule, in errors.csv order (``eid``): code, table_name, row_no,
    child, message, fields, ``vals`` (``FIELD: value; …`` — the rule's fields that the flagged
    table has, dates as written in the file), ``vals_json`` (the same as a JSON object),
    ``locator`` (``DECOM 01/04/2025`` …), the matching key (``nkey``, ``occ``), the social worker
    and — when compared with an earlier run — ``status`` ``new`` or ``open``.
``report_fixed``
    errors of the earlier run that this run no longer flags (only for rules that ran this time).

Matching errors across runs: the key is (code, table, child, the row's natural key, occurrence).
The natural key is the date that identifies the row within the child — DECOM (episodes),
REVIEW, MIS_START, SW_DECOM, DATE_PLACED, DOLO_START; as a date when it is one, else its trimmed
text, else the row number — and nothing for the one-row-per-child tables (header, UASC, OC2, OC3,
AD1, previous permanence), where the child is the key. Row numbers alone shift whenever a row
is added or the file is re-sorted, which would show every later error as fixed and new again.
``occ`` numbers errors sharing a key (the same episode start twice) in row order.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import insert_rows
from ..errors import UsageError
from ..tables import DERIVED, LAST_SUFFIX, TABLES, spec_for

# The column that tells a child's rows apart in each multi-row table: the report's locator, the
# comparison key and the date used to find the social worker responsible.
LOCATORS = {"episodes": "DECOM", "reviews": "REVIEW", "missing": "MIS_START", "sw_episodes": "SW_DECOM",
            "placed_for_adoption": "DATE_PLACED", "dolo": "DOLO_START"}
BLANK = "(blank)"


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def canonical_order(tables) -> list[str]:
    """Staged table names in the DfE order, this year's tables before last year's."""
    names = set(tables)
    order = [t.name for t in TABLES] + [t.name + LAST_SUFFIX for t in TABLES]
    return [t for t in order if t in names]


def _columns(conn, db: str) -> dict[str, set[str]]:
    cols: dict[str, set[str]] = {}
    for t, c in conn.execute("SELECT table_name, column_name FROM duckdb_columns() "
                             "WHERE database_name = ? AND schema_name = 'main'", [db]).fetchall():
        cols.setdefault(t, set()).add(c)
    return cols


def _base(table: str) -> str | None:
    try:
        return spec_for(table).name
    except KeyError:
        return None


def _visible(expr: str) -> str:
    """The text with each invisible character written out (``M[nbsp]``): ``SEX: M `` would hide why
    the code does not match."""
    from ..load.checks import INVISIBLE, _short

    for ch, name in INVISIBLE.items():
        expr = f"replace({expr}, chr({ord(ch)}), '[{_short(name)}]')"
    return expr


def _display(expr: str) -> str:
    text = f"CAST({expr} AS VARCHAR)"
    return f"CASE WHEN trim(coalesce({text}, '')) = '' THEN '{BLANK}' ELSE {_visible(text)} END"


def _value_expr(field_name: str, cols: set[str]) -> str | None:
    low = field_name.strip().lower()
    if f"{low}_raw" in cols:
        return f"t.{_ident(low + '_raw')}"
    if low in cols and low not in ("row_no",):
        return f"t.{_ident(low)}"
    return None


def _detail_select(conn, db: str) -> str:
    """SELECT of every error of database ``db`` with its values, locator, key and date."""
    q = f"{_ident(db)}.main."
    cols = _columns(conn, db)
    combos = conn.execute(f"SELECT DISTINCT e.table_name, r.fields FROM {q}errors AS e "
                          f"JOIN {q}rule_results AS r ON r.code = e.code ORDER BY 1, 2").fetchall()
    staged = {t for t in cols if _base(t) is not None and "row_no" in cols[t]}
    branches = []
    for table, fields in combos:
        if table not in staged:
            continue
        tcols = cols[table]
        present = [(f.strip().upper(), _value_expr(f, tcols)) for f in (fields or "").split(";") if f.strip()]
        present = [(f, e) for f, e in present if e is not None]
        vals = ("concat_ws('; ', " + ", ".join(f"{_lit(f + ': ')} || {_display(e)}" for f, e in present) + ")"
                if present else "''")
        vjson = ("CAST(json_object(" + ", ".join(f"{_lit(f)}, CAST({e} AS VARCHAR)" for f, e in present) + ") AS VARCHAR)"
                 if present else "'{}'")
        loc = LOCATORS.get(_base(table))
        raw = f"{loc.lower()}_raw" if loc else None
        if loc and raw in tcols:
            typed = f"t.{_ident(loc.lower())}" if loc.lower() in tcols else "CAST(NULL AS DATE)"
            locator = f"{_lit(loc + ' ')} || coalesce(nullif(trim(t.{_ident(raw)}), ''), '{BLANK}')"
            nkey = (f"coalesce(strftime({typed}, '%Y-%m-%d'), nullif(trim(t.{_ident(raw)}), ''), "
                    f"'#row ' || CAST(e.row_no AS VARCHAR))")
            date = typed
        else:
            locator, nkey, date = "CAST(NULL AS VARCHAR)", "''", "CAST(NULL AS DATE)"
        branches.append(
            f"SELECT e.code, e.table_name, e.row_no, e.child, {vals} AS vals, {vjson} AS vals_json, "
            f"{locator} AS locator, {nkey} AS nkey, {date} AS err_date "
            f"FROM {q}errors AS e JOIN {q}rule_results AS r ON r.code = e.code "
            f"LEFT JOIN {q}{_ident(table)} AS t ON t.row_no = e.row_no "
            f"WHERE e.table_name = {_lit(table)} AND r.fields IS NOT DISTINCT FROM {_lit(fields) if fields is not None else 'NULL'}")
    unknown = ", ".join(_lit(t) for t in sorted(staged)) or "''"
    branches.append(  # a table name that is not staged: the error is still listed, without values
        f"SELECT e.code, e.table_name, e.row_no, e.child, '' AS vals, '{{}}' AS vals_json, "
        f"CAST(NULL AS VARCHAR) AS locator, '#row ' || CAST(e.row_no AS VARCHAR) AS nkey, CAST(NULL AS DATE) AS err_date "
        f"FROM {q}errors AS e WHERE e.table_name IS NULL OR e.table_name NOT IN ({unknown})")
    return "\nUNION ALL\n".join(branches)


def _build_details(conn, db: str, target: str, with_sw: bool) -> None:
    q = f"{_ident(db)}.main."
    sw_cte = sw_join = ""
    sw_col = "CAST(NULL AS VARCHAR) AS social_worker"
    if with_sw:
        # The social worker episode open at the error's date (the row's DECOM, REVIEW, …),
        # else the child's latest one (by SW_DECOM, then row).
        sw_cte = (f", sw AS (SELECT b.eid, s.sw_id, row_number() OVER (PARTITION BY b.eid ORDER BY "
                  f"coalesce(b.err_date IS NOT NULL AND s.sw_decom <= b.err_date "
                  f"AND (s.sw_dec IS NULL OR s.sw_dec >= b.err_date), false) DESC, "
                  f"s.sw_decom DESC NULLS LAST, s.row_no DESC) AS rn "
                  f"FROM b JOIN {q}sw_episodes AS s ON s.child = b.child)")
        sw_join = "LEFT JOIN sw ON sw.eid = b.eid AND sw.rn = 1"
        sw_col = "sw.sw_id AS social_worker"
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE {target} AS
        WITH d AS ({_detail_select(conn, db)}),
        b AS (
            SELECT row_number() OVER (ORDER BY r.sort_order, d.table_name, d.row_no, d.child) AS eid,
                   d.code, d.table_name, d.row_no, d.child, r.message, r.fields, r.sort_order,
                   d.vals, d.vals_json, d.locator, d.nkey, d.err_date,
                   row_number() OVER (PARTITION BY d.code, d.table_name, coalesce(d.child, ''), d.nkey
                                      ORDER BY d.row_no) AS occ
            FROM d JOIN {q}rule_results AS r ON r.code = d.code){sw_cte}
        SELECT b.*, {sw_col} FROM b {sw_join} ORDER BY b.eid""")


_KEY = ("{a}.code = {b}.code AND {a}.table_name = {b}.table_name AND coalesce({a}.child, '') = coalesce({b}.child, '') "
        "AND {a}.nkey = {b}.nkey AND {a}.occ = {b}.occ")


def _key(a: str, b: str) -> str:
    return _KEY.format(a=a, b=b)


@dataclass
class ReportData:
    """A finished run, ready to report: ``conn`` holds report_errors (and report_fixed).

    Without a comparison report_errors is built on first use of ``conn``: csv alone (errors.csv,
    summary.csv) and the console summary need only ``errors`` and ``rule_results`` (through ``db``,
    which builds nothing), and the per-row values would cost a tenth of the run and its peak memory."""
    db: object                              # the run's connection, as the rules left it
    year: str
    la: str | None
    tables: list[str]                       # staged tables, DfE order, this year first
    compared_with: Path | None = None       # the earlier run's output folder
    has_sw: bool = False                    # sw_episodes was supplied
    not_rechecked: int = 0                  # earlier errors of rules that did not run this time
    run: object = None                      # the engine.Run reported on
    local_tables: frozenset[str] = frozenset()  # staged here (none for `run --url`: they stay on the server)
    comparison_warnings: list[str] = field(default_factory=list)
    report_warnings: list[str] = field(default_factory=list)      # said while writing (a sheet continued)  # --compare-with a run of another year or LA
    trend: object = None                    # --history: validator903.trend.Trend of this year and LA, this run last
    _cells: dict | None = field(default=None, repr=False)
    _pending: object = field(default=None, repr=False)   # builds report_errors when first needed

    @property
    def conn(self):
        """The connection, with report_errors built."""
        if self._pending is not None:
            build, self._pending = self._pending, None
            build()
        return self.db

    def _flagged(self) -> str:
        """Where the flagged rows are read for counts: report_errors once built, else ``errors``
        (the same rows, one per flagged row per rule; no status without a comparison)."""
        if self._pending is None:
            return "report_errors"
        return "(SELECT code, table_name, child, CAST(NULL AS VARCHAR) AS status FROM errors)"
    _cols: dict | None = field(default=None, repr=False)

    # -- rows for the reports -------------------------------------------------------------
    def rules(self) -> list[dict]:
        """Every rule of the run, in code order, with counts (and new/open/fixed)."""
        cmp = self.compared_with is not None
        extra = (", coalesce(x.new, 0) AS new, coalesce(x.open, 0) AS open, coalesce(f.fixed, 0) AS fixed, "
                 "coalesce(x.new_children, 0) AS new_children" if cmp else "")
        fixed_join = ("LEFT JOIN (SELECT code, COUNT(*) AS fixed FROM report_fixed GROUP BY code) AS f "
                      "ON f.code = r.code" if cmp else "")
        sql = f"""
            SELECT r.code, r.name, r.message, r.fields, r.status, r.count,
                   coalesce(x.children, 0) AS children{extra}
            FROM rule_results AS r
            LEFT JOIN (SELECT code, COUNT(DISTINCT child) AS children,
                              COUNT(*) FILTER (WHERE status = 'new') AS new,
                              COUNT(*) FILTER (WHERE status = 'open') AS open,
                              COUNT(DISTINCT child) FILTER (WHERE status = 'new') AS new_children
                       FROM {self._flagged()} GROUP BY code) AS x ON x.code = r.code
            {fixed_join}
            ORDER BY r.sort_order"""
        from ..rules import two_year_caveat

        rows = _dicts(self.db.execute(sql))
        for r in rows:  # the DfE's NOTE that the tool sees only this year and last year
            r["two_year"] = two_year_caveat(r["message"])
        return rows

    def two_year_rules(self) -> list[str]:
        """Codes of the rules whose DfE message carries the two-year caveat, in code order."""
        return [r["code"] for r in self.rules() if r["two_year"]]

    ERROR_COLUMNS = ("eid", "code", "table_name", "row_no", "child", "message", "fields", "vals", "vals_json",
                     "locator", "social_worker", "status")

    def errors(self, where: str = "", stream: bool = False):
        """The errors in errors.csv order; ``stream``: an iterator fetching a batch at a time
        (a million errors as dicts at once would take gigabytes)."""
        cur = self.conn.execute(f"SELECT {', '.join(self.ERROR_COLUMNS)} FROM report_errors {where} ORDER BY eid")
        return _stream(cur) if stream else _dicts(cur)

    def fixed(self) -> list[dict]:
        if self.compared_with is None:
            return []
        return _dicts(self.conn.execute(
            "SELECT code, table_name, row_no, child, message, fields, vals, vals_json, locator "
            "FROM report_fixed ORDER BY sort_order, table_name, row_no, child"))

    def children(self, stream: bool = False):
        """One row per child (every child in the header and any other child flagged): errors,
        codes (in rule order), tables, social worker (latest episode), new/open."""
        kids = ["SELECT child FROM report_errors"]  # a flagged row without a CHILD is listed as one blank child
        if "header" in self.local_tables:
            kids.append("SELECT child FROM header WHERE child IS NOT NULL")
        sw = ("(SELECT s.sw_id FROM sw_episodes AS s WHERE s.child = k.child "
              "ORDER BY s.sw_decom DESC NULLS LAST, s.row_no DESC LIMIT 1)" if self.has_sw else "NULL")
        sql = f"""
            WITH k AS (SELECT DISTINCT child FROM ({' UNION ALL '.join(kids)})),
            c AS (SELECT child, COUNT(*) AS errors,
                         string_agg(DISTINCT table_name, ', ' ORDER BY table_name) AS tables,
                         COUNT(*) FILTER (WHERE status = 'new') AS new,
                         COUNT(*) FILTER (WHERE status = 'open') AS open
                  FROM report_errors GROUP BY child),
            cc AS (SELECT child, string_agg(code, ', ' ORDER BY so) AS codes
                   FROM (SELECT child, code, min(sort_order) AS so FROM report_errors GROUP BY child, code)
                   GROUP BY child)
            SELECT k.child, coalesce(c.errors, 0) AS errors, coalesce(cc.codes, '') AS codes,
                   coalesce(c.tables, '') AS tables, {sw} AS social_worker,
                   coalesce(c.new, 0) AS new, coalesce(c.open, 0) AS open
            FROM k LEFT JOIN c ON c.child IS NOT DISTINCT FROM k.child
            LEFT JOIN cc ON cc.child IS NOT DISTINCT FROM k.child
            ORDER BY errors DESC, k.child NULLS FIRST"""
        cur = self.conn.execute(sql)
        return _stream(cur) if stream else _dicts(cur)

    def figures(self) -> dict:
        """Headline numbers."""
        c = self.db
        rr = c.execute("SELECT COUNT(*) FILTER (WHERE status = 'ran'), "
                       "COUNT(*) FILTER (WHERE status LIKE 'skipped%'), "
                       "COUNT(*) FILTER (WHERE status LIKE 'failed%') FROM rule_results").fetchone()
        flagged, kids, new, open_ = c.execute(
            "SELECT COUNT(*), COUNT(DISTINCT child), COUNT(*) FILTER (WHERE status = 'new'), "
            f"COUNT(*) FILTER (WHERE status = 'open') FROM {self._flagged()}").fetchone()
        # row counts were taken once, when the tables were staged (or counted on the server)
        rows = {t: self.run.load.tables[t].rows for t in self.tables}
        children = (c.execute("SELECT COUNT(DISTINCT child) FROM header").fetchone()[0]
                    if "header" in self.local_tables else None)
        f = {"year": self.year, "la": self.la, "children": children,
             "rows_loaded": sum(n for t, n in rows.items() if not t.endswith(LAST_SUFFIX)),
             "rows_loaded_previous_year": sum(n for t, n in rows.items() if t.endswith(LAST_SUFFIX)),
             "table_rows": rows,
             "rules_ran": rr[0], "rules_skipped": rr[1], "rules_failed": rr[2],
             "rows_flagged": flagged, "children_flagged": kids}
        if self.compared_with is not None:
            f.update({"compared_with": str(self.compared_with), "new": new, "open": open_,
                      "fixed": c.execute("SELECT COUNT(*) FROM report_fixed").fetchone()[0],
                      "not_rechecked": self.not_rechecked})
        return f

    def by_table(self) -> list[tuple[str, int, int]]:
        """(table, errors, new errors) by count."""
        return self.db.execute("SELECT table_name, COUNT(*), COUNT(*) FILTER (WHERE status = 'new') "
                               f"FROM {self._flagged()} GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()

    # -- the input tables, with the cells to highlight ------------------------------------
    def table_columns(self, table: str) -> list[tuple[str, str]]:
        """(heading, SQL expression) of a staged table's columns as the file has them: ROW, then the
        903 columns in DfE order (dates as written), then derived ones (header UASC)."""
        if self._cols is None:
            self._cols = _columns(self.conn, self._db())
        cols = self._cols[table]
        spec = spec_for(table)
        out = [("ROW", "row_no")]
        for c in spec.columns + DERIVED.get(spec.name, ()):
            low = c.lower()
            if c in spec.dates and f"{low}_raw" in cols:
                out.append((c, _ident(low + "_raw")))
            elif low in cols:
                out.append((c, _ident(low)))
        return out

    def table_query(self, table: str, children_only: bool = False) -> str:
        """``table``'s rows as the reports show them (text, the file row first): every row in file
        order, or with ``children_only`` the rows of the children with errors (and any flagged row
        without a CHILD), each child's rows together."""
        cols = ", ".join(f"CAST({e} AS VARCHAR)" if h != "ROW" else e for h, e in self.table_columns(table))
        where, order = self._children_rows(table) if children_only else ("", "row_no")
        return f"SELECT {cols} FROM main.{_ident(table)}{where} ORDER BY {order}"

    @staticmethod
    def _children_rows(table: str) -> tuple[str, str]:
        """The WHERE and ORDER BY of ``table_query(table, children_only=True)``."""
        flagged = f"SELECT row_no FROM report_errors WHERE table_name = {_lit(table)}"
        return (f" WHERE child IN (SELECT child FROM report_errors) OR row_no IN ({flagged})",
                "child, row_no")

    def sheet_positions(self, table: str) -> dict[int, int]:
        """row_no -> 0-based position in ``table_query(table, children_only=True)`` of each flagged
        row (where report.xlsx links an error to)."""
        where, order = self._children_rows(table)
        return dict(self.conn.execute(
            f"SELECT row_no, pos FROM (SELECT row_no, ROW_NUMBER() OVER (ORDER BY {order}) - 1 AS pos "
            f"FROM main.{_ident(table)}{where}) AS t "
            f"WHERE row_no IN (SELECT row_no FROM report_errors WHERE table_name = {_lit(table)})").fetchall())

    def cells(self) -> dict[tuple[str, int], dict[str, list[tuple[str, str, str | None]]]]:
        """(table, row_no) -> {FIELD: [(code, message, status)]} for every flagged row: the rule's
        fields that the table has, or ROW when it has none of them."""
        if self._cells is not None:
            return self._cells
        c = self.conn
        c.execute("CREATE OR REPLACE TEMP TABLE report_columns (table_name VARCHAR, field VARCHAR)")
        pairs = [(t, h) for t in self.tables if t in self.local_tables for h, _ in self.table_columns(t) if h != "ROW"]
        insert_rows(c, "report_columns", pairs)
        rows = c.execute("""
            WITH ef AS (SELECT eid, table_name, upper(trim(unnest(string_split(coalesce(fields, ''), ';')))) AS field
                        FROM report_errors),
            hit AS (SELECT ef.eid, ef.field FROM ef JOIN report_columns AS rc USING (table_name, field)),
            cell AS (SELECT eid, field FROM hit
                     UNION ALL
                     SELECT eid, 'ROW' FROM report_errors WHERE eid NOT IN (SELECT eid FROM hit))
            SELECT e.table_name, e.row_no, cell.field, e.code, e.message, e.status
            FROM cell JOIN report_errors AS e USING (eid)
            ORDER BY e.table_name, e.row_no, cell.field, e.sort_order""").fetchall()
        out: dict = {}
        for table, row_no, fld, code, message, status in rows:
            out.setdefault((table, row_no), {}).setdefault(fld, []).append((code, message, status))
        self._cells = out
        return out

    def _db(self) -> str:
        return self.conn.execute("SELECT current_database()").fetchone()[0]


def _dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _stream(cursor, batch: int = 10000):
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row))


# -- the earlier run ------------------------------------------------------------------------
def snapshot_previous(folder: Path) -> Path:
    """Copy an earlier run's validation.duckdb aside before this run replaces anything (the earlier
    run may have written to the same --output). Returns the copy; the caller removes its folder."""
    db = folder / "validation.duckdb"
    if not folder.is_dir():
        raise UsageError(f"--compare-with {folder}: no such folder (give the --output folder of an earlier run)")
    if not db.is_file():
        raise UsageError(f"--compare-with {folder}: no validation.duckdb there (give the --output folder of an earlier run)")
    tmp = Path(tempfile.mkdtemp(prefix="v903_prev_"))
    copy = tmp / "previous.duckdb"
    shutil.copyfile(db, copy)
    wal = db.with_name(db.name + ".wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
    return copy


def _other_run(conn, ctx, folder) -> list[str]:
    """The earlier run was of another collection year or LA: its errors will not match these."""
    row = conn.execute("SELECT year, la FROM v903_prev.main.run_info LIMIT 1").fetchone()
    if row is None:
        return []
    year, la = row
    out = []
    if year and year != str(ctx.year):
        out.append(f"--compare-with {folder}: that run was of {year}, this one is {ctx.year}; "
                   "most errors will show as new or fixed")
    if la and ctx.la_code and la != ctx.la_code:
        out.append(f"--compare-with {folder}: that run was of LA {la}, this one is LA {ctx.la_code}")
    return out


def gather(run, previous_copy: Path | None = None, previous_folder: Path | None = None) -> ReportData:
    """Build report_errors (and, given an earlier run's database copy, the comparison)."""
    conn = run.conn
    db = conn.execute("SELECT current_database()").fetchone()[0]
    tables = canonical_order(run.load.tables)
    local = frozenset(t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")
                      .fetchall() if t in run.load.tables)
    has_sw = "sw_episodes" in local
    data = ReportData(conn, str(run.ctx.year), run.ctx.la_code, tables, has_sw=has_sw, run=run, local_tables=local)
    if previous_copy is None:
        def build() -> None:
            _build_details(conn, db, "report_errors_now", has_sw)
            conn.execute("CREATE OR REPLACE TEMP TABLE report_errors AS "
                         "SELECT *, CAST(NULL AS VARCHAR) AS status FROM report_errors_now ORDER BY eid")
            conn.execute("DROP TABLE report_errors_now")
        data._pending = build
        return data
    _build_details(conn, db, "report_errors_now", has_sw)
    try:
        conn.execute(f"ATTACH {_lit(str(previous_copy))} AS v903_prev (READ_ONLY)")
    except Exception as e:
        raise UsageError(f"--compare-with {previous_folder}: cannot open its validation.duckdb "
                         f"({str(e).splitlines()[0]})") from None
    try:
        have = {t for (t,) in conn.execute("SELECT table_name FROM duckdb_tables() "
                                           "WHERE database_name = 'v903_prev' AND schema_name = 'main'").fetchall()}
        if not {"errors", "rule_results"} <= have:
            raise UsageError(f"--compare-with {previous_folder}: its validation.duckdb has no errors/rule_results "
                             "(was that run finished?)")
        _build_details(conn, "v903_prev", "report_prev", False)
        if "run_info" in have:
            data.comparison_warnings = _other_run(conn, run.ctx, previous_folder)
    finally:
        conn.execute("DETACH v903_prev")
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE report_errors AS
        SELECT c.*, CASE WHEN p.eid IS NULL THEN 'new' ELSE 'open' END AS status
        FROM report_errors_now AS c LEFT JOIN report_prev AS p ON {_key('c', 'p')}
        ORDER BY c.eid""")
    ran = "(SELECT code FROM rule_results WHERE status = 'ran')"
    conn.execute(f"""
        CREATE OR REPLACE TEMP TABLE report_fixed AS
        SELECT p.* FROM report_prev AS p
        WHERE p.code IN {ran} AND NOT EXISTS (SELECT 1 FROM report_errors AS c WHERE {_key('c', 'p')})""")
    data.not_rechecked = conn.execute(f"SELECT COUNT(*) FROM report_prev WHERE code NOT IN {ran}").fetchone()[0]
    conn.execute("DROP TABLE report_errors_now")
    conn.execute("DROP TABLE report_prev")
    data.compared_with = previous_folder
    return data
