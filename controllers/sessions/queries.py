"""Reading sessions back: the list, one session for review, chat pages for scroll-back, and crash recovery."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..chat.model import ChatMessage, Emote, canonical_roles
from .schema import CHAT_COLUMNS, EVENT_COLUMNS, SAMPLE_COLUMNS


@dataclass(frozen=True)
class SessionSummary:
    id: int
    kind: str
    title: str
    platform: str
    status: str
    started_at: float
    ended_at: float | None
    last_seen_at: float
    obs_version: str
    recording_path: str | None
    sample_count: int
    event_count: int
    chat_count: int

    @property
    def duration_s(self) -> float:
        end = self.ended_at if self.ended_at is not None else self.last_seen_at
        return max(0.0, end - self.started_at)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "platform": self.platform,
                "status": self.status, "started_at": self.started_at, "ended_at": self.ended_at,
                "duration_s": round(self.duration_s, 3), "obs_version": self.obs_version,
                "recording_path": self.recording_path, "sample_count": self.sample_count,
                "event_count": self.event_count, "chat_count": self.chat_count}


@dataclass
class SessionData:
    """Everything the review needs, loaded at once (chat as per-minute counts, not every message)."""

    summary: SessionSummary
    video: dict[str, Any]
    samples: list[tuple[Any, ...]] = field(default_factory=list)   # SAMPLE_COLUMNS[1:]
    events: list[tuple[Any, ...]] = field(default_factory=list)    # (t, kind, detail, data_json)
    chat_per_minute: list[tuple[float, int]] = field(default_factory=list)
    viewers: list[tuple[float, str, int]] = field(default_factory=list)


_SUMMARY_SQL = """
    SELECT s.id, s.kind, s.title, s.platform, s.status, s.started_at, s.ended_at, s.last_seen_at,
           s.obs_version, s.recording_path,
           (SELECT COUNT(*) FROM samples WHERE session_id = s.id),
           (SELECT COUNT(*) FROM events WHERE session_id = s.id),
           (SELECT COUNT(*) FROM chat_messages WHERE session_id = s.id)
    FROM sessions s
"""


# Per-minute chat counts as one index range count per minute (counted once: MATERIALIZED); a
# GROUP BY CAST(t / 60 ...) sorted all of a session's messages in a temporary B-tree, 2x slower for
# 300,000 messages. Minutes without chat are left out.
_CHAT_PER_MINUTE_SQL = """
    WITH RECURSIVE span(first, last) AS (SELECT MIN(t), MAX(t) FROM chat_messages WHERE session_id = ?1),
    minutes(minute) AS (SELECT CAST(first / 60 AS INTEGER) * 60.0 FROM span WHERE first IS NOT NULL
                        UNION ALL SELECT minute + 60 FROM minutes, span WHERE minute + 60 <= last),
    counts(minute, messages) AS MATERIALIZED (
        SELECT minute, (SELECT COUNT(*) FROM chat_messages WHERE session_id = ?1 AND t >= minute AND t < minute + 60)
        FROM minutes)
    SELECT minute, messages FROM counts WHERE messages > 0 ORDER BY minute
"""


def list_sessions(conn: sqlite3.Connection) -> list[SessionSummary]:
    """Newest first."""
    return [SessionSummary(*row) for row in conn.execute(_SUMMARY_SQL + " ORDER BY s.started_at DESC, s.id DESC")]


def get_summary(conn: sqlite3.Connection, session_id: int) -> SessionSummary | None:
    row = conn.execute(_SUMMARY_SQL + " WHERE s.id = ?", (session_id,)).fetchone()
    return SessionSummary(*row) if row else None


def load_session(conn: sqlite3.Connection, session_id: int) -> SessionData | None:
    summary = get_summary(conn, session_id)
    if summary is None:
        return None
    video_json = conn.execute("SELECT video_json FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]
    data = SessionData(summary=summary, video=json.loads(video_json or "{}"))
    data.samples = conn.execute(
        f"SELECT {','.join(SAMPLE_COLUMNS[1:])} FROM samples WHERE session_id = ? ORDER BY t",
        (session_id,)).fetchall()
    data.events = conn.execute(
        f"SELECT {','.join(EVENT_COLUMNS[1:])} FROM events WHERE session_id = ? ORDER BY t, id",
        (session_id,)).fetchall()
    data.chat_per_minute = conn.execute(_CHAT_PER_MINUTE_SQL, (session_id,)).fetchall()
    data.viewers = conn.execute(
        "SELECT t, platform, viewers FROM viewer_samples WHERE session_id = ? ORDER BY t", (session_id,)).fetchall()
    return data


def iter_chat(conn: sqlite3.Connection, session_id: int) -> sqlite3.Cursor:
    return conn.execute(f"SELECT {','.join(CHAT_COLUMNS[1:])} FROM chat_messages WHERE session_id = ? ORDER BY t, id",
                        (session_id,))


def recover_interrupted(conn: sqlite3.Connection) -> list[int]:
    """Sessions still 'live' from a run that died: mark them interrupted, closed at their last sample."""
    ids = [row[0] for row in conn.execute("SELECT id FROM sessions WHERE status = 'live'")]
    if ids:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("UPDATE sessions SET status = 'interrupted', ended_at = last_seen_at WHERE id = ?",
                         [(i,) for i in ids])
        conn.executemany("INSERT INTO events (session_id, t, kind, detail) "
                         "SELECT id, last_seen_at, 'interrupted', 'OnAir stopped without closing the session' "
                         "FROM sessions WHERE id = ?", [(i,) for i in ids])
        conn.execute("COMMIT")
    return ids


@dataclass(frozen=True)
class ChatPage:
    """One page of a session's chat, oldest first; ``cursor`` = ``(t, id)`` of its oldest row (pass it
    back as ``before_t``/``before_id`` for the next page); ``complete`` = nothing older is left."""

    messages: list[ChatMessage]
    cursor: tuple[float, int] | None
    complete: bool


def _chat_message(row: tuple[Any, ...]) -> ChatMessage:
    """A stored ``chat_messages`` row (``t, platform, message_id, author, author_id, text, roles,
    paid_amount, paid_currency, data_json``) back into a :class:`ChatMessage`, text exactly as stored."""
    t, platform, message_id, author, author_id, text, roles, paid_amount, paid_currency, data_json = row
    try:
        data = json.loads(data_json or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    try:
        emotes = tuple(Emote(str(e[0]), int(e[1]), int(e[2])) for e in data.get("emotes", ()))
        badges = tuple((str(b[0]), str(b[1])) for b in data.get("badges", ()))
    except (TypeError, ValueError, IndexError):
        emotes, badges = (), ()
    extra = data.get("extra", {})
    return ChatMessage(str(platform), message_id or "", author or "", author_id or "", text or "", float(t),
                       color=str(data.get("color", "")), badges=badges,
                       roles=canonical_roles([r for r in (roles or "").split(",") if r]), emotes=emotes,
                       bits=int(data.get("bits", 0) or 0), paid_amount=paid_amount, paid_currency=paid_currency,
                       kind=str(data.get("kind", "message")), system_text=str(data.get("system_text", "")),
                       channel=str(data.get("channel", "")),
                       extra={str(k): str(v) for k, v in extra.items()} if isinstance(extra, dict) else {})


def chat_page(conn: sqlite3.Connection, session_id: int, before_t: float | None, before_id: int | None,
              limit: int) -> ChatPage:
    """Up to ``limit`` chat messages of a session older than ``(before_t, before_id)`` (by ``t``, then
    row id), oldest first; ``before_t`` None = the newest; ``before_id`` None = ``t <= before_t`` (the
    caller drops the ones it already has). Walks the ``(session_id, t)`` index backwards."""
    columns = "id, t, platform, message_id, author, author_id, text, roles, paid_amount, paid_currency, data_json"
    sql = f"SELECT {columns} FROM chat_messages WHERE session_id = ?"
    params: list[Any] = [session_id]
    if before_t is not None and before_id is None:
        sql += " AND t <= ?"
        params.append(before_t)
    elif before_t is not None:
        sql += " AND (t < ? OR (t = ? AND id < ?))"
        params += [before_t, before_t, before_id]
    sql += " ORDER BY t DESC, id DESC LIMIT ?"
    params.append(max(0, limit))
    rows = conn.execute(sql, params).fetchall()
    rows.reverse()
    cursor = (float(rows[0][1]), int(rows[0][0])) if rows else None
    return ChatPage([_chat_message(row[1:]) for row in rows], cursor, len(rows) < limit)
