"""Statements run side by side on one DuckDB database, one query per thread.

A DuckDB query that writes a table (CREATE TABLE AS) spends most of its time on one thread however
many it is given, so the run builds independent tables at the same time instead: as many cursors
as DuckDB has threads, each query on one thread (100k children with last year, on 2 cores: staging
1.7 s one after another, 0.8 s two at a time). A cursor is a connection of its own: it sees the
database's tables and attached databases, not the TEMP objects of the connection that made it.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Job:
    name: str
    sql: str = ""                         # the statement to run, unless ``call`` is given
    after: frozenset[str] = frozenset()   # jobs (by name) that must have finished first
    call: Callable | None = None          # call(cursor) -> result, instead of a statement

    def run(self, cur):
        """The job's result: what ``call`` returns, or the statement's rows (CREATE TABLE AS: its
        row count)."""
        if self.call is not None:
            return self.call(cur)
        return cur.execute(self.sql).fetchall()


def run_one_by_one(conn, jobs: list[Job], results: dict | None = None) -> tuple[str, BaseException] | None:
    """The same jobs on ``conn`` itself, in order (small data, TEMP tables): the first failure.
    ``results``, when given, gets each job's result by name."""
    for job in jobs:
        try:
            result = job.run(conn)
        except Exception as e:
            return job.name, e
        if results is not None:
            results[job.name] = result
    return None


def run_side_by_side(conn, jobs: list[Job], setup: Callable | None = None, max_width: int = 4,
                     results: dict | None = None) -> tuple[str, BaseException] | None:
    """Run ``jobs`` on cursors of ``conn``, each taking the first job in order whose ``after`` have
    finished (names outside ``jobs`` count as finished). ``setup(cursor)`` prepares each cursor;
    ``results``, when given, gets each job's result by name. Returns the first failed job in
    ``jobs`` order with its exception, or None; after a failure no new job starts. Ctrl+C
    interrupts every query and is raised once they have stopped."""
    names = {j.name for j in jobs}
    done: set[str] = set()

    def finished(job: Job, result) -> None:
        done.add(job.name)
        if results is not None:
            results[job.name] = result

    failure = map_side_by_side(conn, lambda cur, job: job.run(cur), jobs, setup, max_width,
                               ready=lambda job: all(a in done or a not in names for a in job.after),
                               finished=finished)
    return (jobs[failure[0]].name, failure[1]) if failure else None


def map_side_by_side(conn, fn: Callable, items: list, setup: Callable | None = None, max_width: int = 4,
                     ready: Callable = lambda item: True, finished: Callable = lambda item, result: None,
                     results: list | None = None) -> tuple[int, BaseException] | None:
    """``fn(cursor, item)`` for every item, on cursors of ``conn`` (one DuckDB thread each), each
    cursor taking the first item in order that is ``ready``; ``results[i]`` gets item i's result
    when a list is given. Returns (index, exception) of the first failed item in order, or None;
    after a failure no new item starts. Ctrl+C interrupts every query and is raised once they have
    stopped."""
    if not items:
        return None
    threads_before = int(conn.execute("SELECT current_setting('threads')").fetchone()[0])
    width = max(1, min(max_width, len(items), threads_before))
    state = threading.Condition()   # guards started, failures and whatever ready/finished read
    started: set[int] = set()
    failures: dict[int, BaseException] = {}

    def next_item() -> int | None:
        """The next ready item (waiting while all that are left wait on others); None when done."""
        with state:
            while not failures:
                waiting = [i for i in range(len(items)) if i not in started]
                if not waiting:
                    return None
                i = next((i for i in waiting if ready(items[i])), None)
                if i is not None:
                    started.add(i)
                    return i
                state.wait()
            return None

    def work(cur) -> None:
        while (i := next_item()) is not None:
            try:
                result = fn(cur, items[i])
            except BaseException as e:  # noqa: BLE001 - handed to the caller
                with state:
                    failures[i] = e
                    state.notify_all()
                return
            with state:
                if results is not None:
                    results[i] = result
                finished(items[i], result)
                state.notify_all()

    conn.execute("SET threads = 1")
    cursors = [conn.cursor() for _ in range(width)]
    try:
        for cur in cursors:
            if setup:
                setup(cur)
        workers = [threading.Thread(target=work, args=(c,), daemon=True) for c in cursors]
        for w in workers:
            w.start()
        try:
            for w in workers:
                while w.is_alive():
                    w.join(0.1)  # a plain join would not let Ctrl+C through
        except KeyboardInterrupt:
            with state:
                failures[-1] = KeyboardInterrupt()
                state.notify_all()
            for c in cursors:
                c.interrupt()
            for w in workers:
                w.join()
            raise
    finally:
        for c in cursors:
            c.close()
        conn.execute(f"SET threads = {threads_before}")
    if not failures:
        return None
    first = min(failures)
    return first, failures[first]
