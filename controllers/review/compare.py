"""The previous N sessions of the same platform, each with its REPORT_KEYS values (the trend)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from typing import Any

from .model import ComparisonRow

# Ended sessions rarely change: their indicators are kept per database file and session until the
# session's end, its last write (last_seen_at) or its imports change. Bounded; safe across threads.
_CACHE_SIZE = 64
_cache: OrderedDict[tuple[Any, ...], dict[str, float | None]] = OrderedDict()
_lock = threading.Lock()


def previous_sessions(conn: sqlite3.Connection, session_id: int, n: int = 5) -> list[tuple[int, float, str]]:
    """Up to ``n`` ended stream sessions of the session's platform that started before it, newest first.

    ``(id, started_at, title)``; an imported session counts when its platform matches (it stands for
    a stream OnAir did not record).
    """
    row = conn.execute("SELECT platform, started_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None or n <= 0:
        return []
    platform, started = row
    return [(int(i), float(t), str(title or "")) for i, t, title in conn.execute(
        "SELECT id, started_at, title FROM sessions WHERE platform = ? AND kind IN ('stream', 'imported') "
        "AND status = 'ended' AND id != ? AND (started_at < ? OR (started_at = ? AND id < ?)) "
        "ORDER BY started_at DESC, id DESC LIMIT ?", (platform, session_id, started, started, session_id, n))]


def compare(conn: sqlite3.Connection, session_id: int, n: int = 5) -> list[ComparisonRow]:
    """The previous sessions' indicators, oldest first (at most ``n`` indicator computations)."""
    from .build import compute_indicators

    rows = []
    database = _database_file(conn)
    for sid, started, title in reversed(previous_sessions(conn, session_id, n)):
        key = _cache_key(conn, database, sid)
        with _lock:
            values = _cache.get(key) if key is not None else None
        if values is None:
            values = compute_indicators(conn, sid)
            if values is not None and key is not None:
                with _lock:
                    _cache[key] = values
                    while len(_cache) > _CACHE_SIZE:
                        _cache.popitem(last=False)
        if values is not None:
            rows.append(ComparisonRow(sid, started, title, dict(values)))
    return rows


def _database_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ""


def _cache_key(conn: sqlite3.Connection, database: str, session_id: int) -> tuple[Any, ...] | None:
    """What a session's indicators depend on besides rows that no longer change once it has ended:
    its end and last write, and its imports. None (no caching) for in-memory databases."""
    if not database:
        return None
    row = conn.execute(
        "SELECT s.ended_at, s.last_seen_at, (SELECT COUNT(*) FROM imports WHERE session_id = s.id), "
        "(SELECT MAX(imported_at) FROM imports WHERE session_id = s.id), "
        "(SELECT MAX(id) FROM imports WHERE session_id = s.id) FROM sessions s WHERE s.id = ?",
        (session_id,)).fetchone()
    return None if row is None else (database, session_id, *row)
