"""The previous N sessions of the same platform, each with its REPORT_KEYS values (the trend)."""

from __future__ import annotations

import sqlite3

from .model import ComparisonRow


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
    for sid, started, title in reversed(previous_sessions(conn, session_id, n)):
        values = compute_indicators(conn, sid)
        if values is not None:
            rows.append(ComparisonRow(sid, started, title, values))
    return rows
