"""Chat into the session database: a chat listener that queues each message as a ``chat`` row."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..sessions.store import SessionStore
from .model import ChatMessage, NullChatListener


def message_row(session_id: int, message: ChatMessage) -> tuple[Any, ...]:
    """A row for ``SessionStore.add_rows("chat", …)`` (columns of schema.CHAT_COLUMNS)."""
    data: dict[str, Any] = {"kind": message.kind}
    if message.color:
        data["color"] = message.color
    if message.badges:
        data["badges"] = [list(b) for b in message.badges]
    if message.emotes:
        data["emotes"] = [list(e) for e in message.emotes]
    if message.bits:
        data["bits"] = message.bits
    if message.system_text:
        data["system_text"] = message.system_text
    if message.channel:
        data["channel"] = message.channel
    if message.extra:
        data["extra"] = dict(message.extra)
    return (session_id, message.t, message.platform, message.message_id or None, message.author,
            message.author_id or None, message.text, ",".join(message.roles), message.paid_amount,
            message.paid_currency, json.dumps(data, ensure_ascii=False))


#: Adds a platform to ``sessions.platform`` ("twitch", "twitch+youtube") unless it is already named
#: there; a platform the operator typed in the Sessions dock stays as typed.
_TAG_PLATFORM_SQL = """
    UPDATE sessions SET platform = CASE WHEN platform = '' THEN ?1 ELSE platform || '+' || ?1 END
    WHERE id = ?2 AND instr('+' || lower(platform) || '+', '+' || ?1 || '+') = 0
"""

#: Sources whose messages do not say where the session streamed to (a replayed log).
UNTAGGED_PLATFORMS = frozenset({"replay"})


class ChatStoreSink(NullChatListener):
    """Stores every chat message in the current session; ``session_id()`` None → not stored.

    The first chat message or viewer count of a platform in a session also names that platform in
    ``sessions.platform``, so recorded sessions compare with earlier sessions on the same platform."""

    def __init__(self, store: SessionStore, session_id: Callable[[], int | None]) -> None:
        self.store = store
        self.session_id = session_id
        self._tagged: set[tuple[int, str]] = set()

    def on_chat(self, message: ChatMessage) -> None:
        sid = self.session_id()
        if sid is not None:
            self.store.add_rows("chat", [message_row(sid, message)])
            self.tag_platform(sid, message.platform)

    def tag_platform(self, session_id: int, platform: str) -> None:
        """Name ``platform`` in the session's platform column, once per session (writer thread)."""
        key = (session_id, platform.lower())
        if not platform or key in self._tagged or key[1] in UNTAGGED_PLATFORMS:
            return
        self._tagged.add(key)
        self.store.execute(_TAG_PLATFORM_SQL, (key[1], session_id))
