"""The session store: SQLite in WAL mode, one writer thread with batched inserts, migrations.

Writes are queued and never block the caller; the writer commits whatever has queued up in one
transaction as soon as it is free, so under load rows are batched and when idle they reach the disk
within milliseconds (a ``kill -9`` loses at most what was queued in that instant). A locked database
keeps the queued rows and retries; nothing is dropped. Reads use the caller's own connection
(:meth:`SessionStore.reader`), which WAL lets run beside the writer.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from .schema import CHAT_COLUMNS, EVENT_COLUMNS, MIGRATIONS, SAMPLE_COLUMNS, SCHEMA_VERSION, VIEWER_COLUMNS

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_BATCH = 20_000
RETRY_AFTER_S = 1.0
# Errors that retrying can never cure (a broken constraint such as the foreign key of a deleted
# session, a row with the wrong number of values): the item is left out instead of blocking the queue.
_PERMANENT = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
_TABLES = {
    "samples": ("samples", SAMPLE_COLUMNS),
    "events": ("events", EVENT_COLUMNS),
    "chat": ("chat_messages", CHAT_COLUMNS),
    "viewers": ("viewer_samples", VIEWER_COLUMNS),
}


class StoreError(Exception):
    """The database cannot be used; the message tells the operator what and where."""


def _explain(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"The session database {path} is locked by another program ({text}). "
                          "Close the other program or wait; nothing has been lost.")
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return StoreError(f"The session database {path} is damaged or is not an OnAir database ({text}). "
                          "OnAir has not changed it: move it away or restore a backup, then start again.")
    return StoreError(f"The session database {path} cannot be used: {text}")


def connect(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """Open the database with OnAir's pragmas; raises StoreError with a clear message."""
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")  # per connection; with WAL it survives an app crash
        conn.execute("PRAGMA user_version").fetchone()  # "file is not a database" surfaces here
        return conn
    except sqlite3.Error as exc:
        raise _explain(path, exc) from exc


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`, one transaction per step."""
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("SQLite kept journal mode %s for %s", mode, path)
        conn.execute("PRAGMA synchronous = NORMAL")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(f"The session database {path} was written by a newer OnAir "
                             f"(schema {version}, this one knows {SCHEMA_VERSION}).")
        for number in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    except sqlite3.Error as exc:
        raise _explain(path, exc) from exc


def _statements(script: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _touch(conn: sqlite3.Connection, seen: dict[int, float]) -> None:
    """Move sessions' last_seen_at to the newest row written for them (and forget those rows)."""
    if seen:
        conn.executemany("UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?",
                         [(t, sid) for sid, t in seen.items()])
        seen.clear()


class SessionStore:
    """Owns the writer thread. ``on_error(message)`` (writer thread) reports write trouble."""

    def __init__(self, path: Path, on_error: Callable[[str], None] | None = None) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        try:
            migrate(conn, path)
        finally:
            conn.close()
        self.on_error = on_error
        self._queue: queue.Queue[Any] = queue.Queue()
        self._idle = threading.Condition()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name="session-writer", daemon=True)
        self._thread.start()
        self.last_error = ""

    # -- writes (any thread, non-blocking) -----------------------------------------------------------

    def add_rows(self, kind: str, rows: Iterable[Sequence[Any]]) -> None:
        """Queue rows for ``samples``/``events``/``chat``/``viewers`` (columns as in schema.py)."""
        if kind not in _TABLES:
            raise ValueError(f"unknown row kind {kind!r}; expected one of {', '.join(_TABLES)}")
        rows = list(rows)
        if rows:
            self._put(("rows", kind, rows))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Queue one statement (e.g. an UPDATE of a session), in order with the rows."""
        self._put(("sql", sql, tuple(params)))

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]:
        """Run ``fn(conn)`` on the writer thread inside its transaction; the future holds its result."""
        future: Future[T] = Future()
        self._put(("call", fn, future))
        return future

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued so far is committed; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True

    def close(self, timeout: float = 10.0) -> None:
        self.flush(timeout)
        self._queue.put(None)
        self._thread.join(timeout)

    def reader(self) -> sqlite3.Connection:
        """A new connection for reading on the calling thread (close it when done)."""
        return connect(self.path)

    def _put(self, item: Any) -> None:
        with self._idle:
            self._pending += 1
        self._queue.put(item)

    # -- writer thread -------------------------------------------------------------------------------

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        batch: list[Any] = []
        while True:
            if not batch:
                item = self._queue.get()
                if item is None:
                    break
                batch.append(item)
            stop = self._drain(batch)
            try:
                if conn is None:
                    conn = connect(self.path)
                try:
                    self._write(conn, batch)
                except _PERMANENT:
                    self._write(conn, batch, isolate=True)
            except (sqlite3.Error, StoreError) as exc:
                message = str(_explain(self.path, exc)) if isinstance(exc, sqlite3.Error) else str(exc)
                self._report(message)
                time.sleep(RETRY_AFTER_S)
                if stop:
                    self._queue.put(None)
                continue  # keep the batch: nothing is dropped
            done = len(batch)
            batch = []
            if self.last_error:
                self.last_error = ""
            with self._idle:
                self._pending -= done
                if not self._pending:
                    self._idle.notify_all()
            if stop:
                break
        if conn is not None:
            conn.close()

    def _drain(self, batch: list[Any]) -> bool:
        """Take what else is queued (up to MAX_BATCH rows); True when a stop request was seen."""
        rows = sum(len(item[2]) if item[0] == "rows" else 1 for item in batch)
        while rows < MAX_BATCH:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return False
            if item is None:
                return True
            batch.append(item)
            rows += len(item[2]) if item[0] == "rows" else 1
        return False

    def _write(self, conn: sqlite3.Connection, batch: list[Any], isolate: bool = False) -> None:
        """One transaction for the whole batch; a failing ``call`` fails only its own future.

        With ``isolate`` (after a :data:`_PERMANENT` error) rows and statements run one by one and
        those that fail are left out and reported, so they cannot hold up every later write."""
        conn.execute("BEGIN IMMEDIATE")
        outcomes: list[tuple[Future[Any], bool, Any]] = []
        dropped: list[tuple[str, str]] = []
        try:
            seen: dict[int, float] = {}
            for item in batch:
                if item[0] == "rows":
                    table, columns = _TABLES[item[1]]
                    placeholders = ",".join("?" * len(columns))
                    sql = f"INSERT INTO {table} ({','.join(columns)}) VALUES ({placeholders})"
                    rows = item[2]
                    if isolate:
                        rows = [row for row in rows if self._try(conn, sql, row, f"a row of {item[1]}", dropped)]
                    else:
                        conn.executemany(sql, rows)
                    for row in rows:
                        if row[1] > seen.get(row[0], 0.0):
                            seen[row[0]] = row[1]
                    continue
                _touch(conn, seen)  # a statement sees last_seen_at as of the rows queued before it
                if item[0] == "sql":
                    if isolate:
                        self._try(conn, item[1], item[2], f"the change {item[1]!r}", dropped)
                    else:
                        conn.execute(item[1], item[2])
                else:
                    conn.execute("SAVEPOINT call")
                    try:
                        outcomes.append((item[2], True, item[1](conn)))
                        conn.execute("RELEASE call")
                    except sqlite3.OperationalError:
                        raise
                    except Exception as exc:  # the caller's error: undo its part, keep the rest
                        conn.execute("ROLLBACK TO call")
                        conn.execute("RELEASE call")
                        outcomes.append((item[2], False, exc))
            _touch(conn, seen)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        for future, ok, value in outcomes:
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        for what, reason in dropped:
            self._report(f"OnAir left {what} out of the session database {self.path}: it can never be stored "
                         f"({reason}).")

    @staticmethod
    def _try(conn: sqlite3.Connection, sql: str, params: Sequence[Any], what: str,
             dropped: list[tuple[str, str]]) -> bool:
        try:
            conn.execute(sql, params)  # a failed statement undoes only itself
            return True
        except _PERMANENT as exc:
            dropped.append((what, str(exc)))
            return False

    def _report(self, message: str) -> None:
        if message != self.last_error:
            log.error("%s", message)
        self.last_error = message
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("on_error callback failed")
