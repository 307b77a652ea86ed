"""``import_file``: parse an export fully, then write it into the session database in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .errors import ImportFileError, ImportSessionError
from .formats import PLATFORMS, ImportedData, parse_export
from .text import MAX_BYTES


def _tr(text: str) -> str:
    return QCoreApplication.translate("Imports", text)


if TYPE_CHECKING:
    from ...sessions.store import SessionStore


@dataclass(frozen=True)
class ImportOutcome:
    session_id: int
    import_id: int
    kind: str                 # e.g. twitch_stream_summary
    platform: str
    source_name: str
    created_session: bool     # a session of kind 'imported' was made for the file
    replaced: int             # earlier imports of the same file (sha256) into the session, now removed
    metrics: int              # rows written to imported_metrics / imported_series / imported_breakdowns
    series_points: int
    breakdowns: int


def read_export(path: Path, *, start: dt.datetime | None = None,
                platform: str | None = None) -> tuple[ImportedData, str]:
    """Parse a file without touching the database: (data, sha256). ``start`` anchors relative times."""
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(name, _tr("the file is too large to import"))
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(name, _tr("cannot be read ({reason})").format(reason=exc.strerror or exc)) from None
    return parse_export(name, raw, platform=platform, anchor=start), hashlib.sha256(raw).hexdigest()


def import_file(conn: sqlite3.Connection, path: Path, *, session_id: int | None = None,
                start: dt.datetime | None = None, platform: str | None = None) -> ImportOutcome:
    """Import one analytics export into ``session_id`` (or a new session of kind 'imported').

    ``start`` (aware) is the stream's start for relative times and bare clock times; it defaults to
    the session's start in the computer's zone. Everything is validated before the first write; the
    writes are one transaction (a savepoint, so this also works inside a caller's transaction). The
    same file imported into the same session again replaces the earlier import.
    Raises ImportFileError (file problems) or ImportSessionError (session/arguments).
    """
    if platform is not None and platform not in PLATFORMS:
        raise ImportSessionError(_tr("Unknown platform {platform}: use youtube, twitch or facebook.").format(
            platform=platform))
    if start is not None and start.tzinfo is None:
        raise ImportSessionError(_tr("The start time needs a UTC offset, e.g. 2026-08-23T20:00:00+08:00."))
    anchor = start
    if session_id is not None:
        row = conn.execute("SELECT started_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise ImportSessionError(_tr("Session {id} does not exist.").format(id=session_id))
        if anchor is None:
            anchor = dt.datetime.fromtimestamp(float(row[0])).astimezone()
    data, sha = read_export(path, start=anchor, platform=platform)
    if session_id is None and (not data.per_stream or data.started_at is None):
        raise ImportFileError(data.source_name, _tr(
            "this export covers the channel, not one stream: import it into a session (--session ID)"))
    return _write(conn, data, sha, session_id)


def submit_import(store: SessionStore, path: Path, *, session_id: int | None = None,
                  start: dt.datetime | None = None, platform: str | None = None) -> Future[ImportOutcome]:
    """:func:`import_file` on the store's writer thread (for the GUI while a session may be recording);
    the future holds the outcome or the ImportFailed / sqlite3 error."""
    return store.submit(lambda conn: import_file(conn, path, session_id=session_id, start=start, platform=platform))


def _write(conn: sqlite3.Connection, data: ImportedData, sha: str, session_id: int | None) -> ImportOutcome:
    now = time.time()
    points = [(metric, t, v) for metric, values in data.series.items() for t, v in values]
    conn.execute("SAVEPOINT onair_import")
    try:
        created = session_id is None
        if session_id is None:
            assert data.started_at is not None
            ended = data.ended_at if data.ended_at is not None else max(
                [data.started_at, *(t for _, t, _ in points)])
            cursor = conn.execute(
                "INSERT INTO sessions (kind, title, platform, status, started_at, ended_at, last_seen_at) "
                "VALUES ('imported', ?, ?, 'ended', ?, ?, ?)",
                (data.title or Path(data.source_name).stem, data.platform, data.started_at, ended, ended))
            session_id = int(cursor.lastrowid or 0)
        old = [int(r[0]) for r in conn.execute("SELECT id FROM imports WHERE session_id = ? AND sha256 = ?",
                                               (session_id, sha))]
        for table in ("imported_metrics", "imported_series", "imported_breakdowns", "imports"):
            column = "id" if table == "imports" else "import_id"
            conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in old])
        cursor = conn.execute(
            "INSERT INTO imports (session_id, platform, kind, source_name, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, data.platform, data.kind, data.source_name, sha, now))
        import_id = int(cursor.lastrowid or 0)
        conn.executemany("INSERT INTO imported_metrics (import_id, session_id, metric, value) VALUES (?, ?, ?, ?)",
                         [(import_id, session_id, m, v) for m, v in sorted(data.metrics.items())])
        conn.executemany("INSERT INTO imported_series (import_id, session_id, metric, t, value) VALUES (?, ?, ?, ?, ?)",
                         [(import_id, session_id, m, t, v) for m, t, v in points])
        conn.executemany("INSERT INTO imported_breakdowns (import_id, session_id, dimension, key, metric, value) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [(import_id, session_id, *b) for b in data.breakdowns])
    except BaseException:
        conn.execute("ROLLBACK TO onair_import")
        conn.execute("RELEASE onair_import")
        raise
    conn.execute("RELEASE onair_import")
    return ImportOutcome(session_id, import_id, data.kind, data.platform, data.source_name, created, len(old),
                         len(data.metrics), len(points), len(data.breakdowns))
