"""Qt face of the chat sources: one listener for any number of sources, re-emitted as Qt signals.

Every source (Twitch, YouTube, replay …) calls the hub **on its own thread**; the hub deduplicates
messages by ``(platform, message_id)``, hands them to the optional session sink (still on the source's
thread: the sink only queues rows for the store's writer) and emits:

* ``message_received(ChatMessage)``
* ``message_removed(ChatRemoval)``
* ``notice(ChatNotice)``
* ``source_status(source name, state, reason)``
* ``viewers_changed(platform, count)``
* ``sources_changed()`` — a source was added or removed (GUI thread)

Receivers in the GUI thread get them queued: connect **bound slots of GUI-thread objects**, never
lambdas (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import collections
import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from ..sessions.store import SessionStore
from .model import ChatMessage, ChatNotice, ChatRemoval
from .storage import ChatStoreSink

log = logging.getLogger(__name__)

TWITCH_CHANNEL_ENV = "ONAIR_TWITCH_CHANNEL"
DEDUPE_MEMORY = 50_000


class ChatSource(Protocol):
    """What the hub needs of a source: a name, start() and stop()."""

    name: str

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...


class ChatHub(QObject):
    """The chat listener of every source; see the module docstring for its signals."""

    message_received = Signal(object)
    message_removed = Signal(object)
    notice = Signal(object)
    source_status = Signal(str, str, str)
    viewers_changed = Signal(str, int)
    sources_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, dedupe_memory: int = DEDUPE_MEMORY,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.dedupe_memory = dedupe_memory
        self.clock = clock
        self.sources: list[ChatSource] = []
        self.statuses: dict[str, tuple[str, str]] = {}
        self.sink: ChatStoreSink | None = None
        self._seen: collections.OrderedDict[tuple[str, str], None] = collections.OrderedDict()
        self._lock = threading.Lock()

    # -- set-up (GUI thread) ----------------------------------------------------------------------

    def record_into(self, store: SessionStore, session_id: Callable[[], int | None]) -> None:
        """Store chat (and viewer counts) in the session ``session_id()`` while it returns an id."""
        self.sink = ChatStoreSink(store, session_id)

    def add_source(self, source: ChatSource, *, start: bool = True) -> None:
        self.sources.append(source)
        self.sources_changed.emit()
        if start:
            source.start()

    def start_from_env(self) -> list[ChatSource]:
        """Start the sources configured by ``ONAIR_TWITCH_CHANNEL`` and ``ONAIR_YOUTUBE_VIDEO_ID`` (+
        ``ONAIR_YOUTUBE_API_KEY``); a bad value is logged and reported as that source's status."""
        started: list[ChatSource] = []
        for name, make in (("twitch", self._twitch_from_env), ("YouTube", self._youtube_from_env)):
            try:
                source = make()
            except Exception as exc:  # a bad channel name must not stop the show
                log.error("Chat source %s from the environment: %s", name, exc)
                self.on_status(name, "disconnected", str(exc))
                continue
            if source is not None:
                self.add_source(source)
                started.append(source)
        return started

    def _twitch_from_env(self) -> ChatSource | None:
        from . import twitch

        make = getattr(twitch, "source_from_env", None)
        if callable(make):
            source: ChatSource | None = make(self)
            return source
        channel = os.environ.get(TWITCH_CHANNEL_ENV, "").strip()
        return twitch.TwitchChatSource(channel, self) if channel else None

    def _youtube_from_env(self) -> ChatSource | None:
        from . import youtube

        return youtube.source_from_env(self)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop every source (OnAir is quitting)."""
        for source in self.sources:
            try:
                source.stop(timeout)
            except Exception:
                log.exception("Stopping chat source %s failed", getattr(source, "name", source))

    # -- listener (source threads) ----------------------------------------------------------------

    def on_chat(self, message: ChatMessage) -> None:
        if message.message_id:
            key = (message.platform, message.message_id)
            with self._lock:
                if key in self._seen:
                    return
                self._seen[key] = None
                while len(self._seen) > self.dedupe_memory:
                    self._seen.popitem(last=False)
        if self.sink is not None:
            try:
                self.sink.on_chat(message)
            except Exception:
                log.exception("Storing a chat message failed")
        self.message_received.emit(message)

    def on_removal(self, removal: ChatRemoval) -> None:
        self.message_removed.emit(removal)

    def on_notice(self, notice: ChatNotice) -> None:
        self.notice.emit(notice)

    def on_status(self, source_name: str, state: str, reason: str) -> None:
        self.statuses[source_name] = (state, reason)
        self.source_status.emit(source_name, state, reason)

    def on_viewers(self, platform: str, count: int) -> None:
        sink = self.sink
        if sink is not None:
            sid = sink.session_id()
            if sid is not None:
                try:
                    sink.store.add_rows("viewers", [(sid, self.clock(), platform, int(count))])
                except Exception:
                    log.exception("Storing a viewer count failed")
        self.viewers_changed.emit(platform, int(count))

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        names: list[Any] = [getattr(s, "name", "?") for s in self.sources]
        return f"<ChatHub sources={names}>"
