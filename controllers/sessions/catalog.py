"""Qt face of the session store for the UI: reads in a background thread, edits through the writer.

Signals: ``sessions_loaded(list[SessionSummary])``, ``failed(str)``, ``changed()`` (emit from any
thread to ask for a refresh — e.g. the recorder's ``on_change``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from . import queries
from .store import SessionStore, StoreError


class SessionCatalog(QObject):
    """Lists, renames and deletes sessions without touching the disk on the GUI thread."""

    sessions_loaded = Signal(object)
    failed = Signal(str)
    changed = Signal()
    _delivered = Signal(object, object)

    def __init__(self, store: SessionStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session-reader")
        self._delivered.connect(self._on_delivered)
        self.changed.connect(self.refresh)
        self.sessions: list[queries.SessionSummary] = []
        self._closed = False

    @Slot()
    def refresh(self) -> None:
        self.read(queries.list_sessions, self._on_listed)

    def read(self, fn: Callable[[sqlite3.Connection], Any], on_done: Callable[[Any], None]) -> None:
        """Run ``fn(connection)`` on the reader thread; ``on_done(result)`` runs on the GUI thread."""
        if self._closed:  # e.g. the recorder's change notice, sent once its last writes are committed
            return

        def job() -> Any:
            conn = self.store.reader()
            try:
                return fn(conn)
            finally:
                conn.close()

        future = self._pool.submit(job)
        future.add_done_callback(lambda f: self._delivered.emit(on_done, f))

    def rename(self, session_id: int, title: str) -> None:
        self._write("UPDATE sessions SET title = ? WHERE id = ?", (title, session_id))

    def set_platform(self, session_id: int, platform: str) -> None:
        self._write("UPDATE sessions SET platform = ? WHERE id = ?", (platform, session_id))

    def delete(self, session_id: int) -> None:
        self._write("DELETE FROM sessions WHERE id = ?", (session_id,))

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        future = self.store.submit(lambda conn: conn.execute(sql, params).rowcount)
        future.add_done_callback(self._after_write)

    def _after_write(self, future: Future[Any]) -> None:
        if future.exception() is not None:
            self.failed.emit(str(future.exception()))
        self.changed.emit()

    def _on_listed(self, sessions: list[queries.SessionSummary]) -> None:
        self.sessions = sessions
        self.sessions_loaded.emit(sessions)

    @Slot(object, object)
    def _on_delivered(self, on_done: Callable[[Any], None], future: Future[Any]) -> None:
        error = future.exception()
        if error is None:
            on_done(future.result())
        elif isinstance(error, StoreError | sqlite3.Error):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"unexpected error: {error!r}")
