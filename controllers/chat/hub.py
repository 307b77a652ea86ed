"""Qt face of the chat sources: one listener for any number of sources, re-emitted as Qt signals.

Every source (Twitch, YouTube, replay …) calls the hub **on its own thread**; the hub deduplicates
messages by ``(platform, message_id)``, hands them to the optional session sink (still on the source's
thread: the sink only queues rows for the store's writer) and emits:

* ``messages_received(list[ChatMessage])`` — a batch, in arrival order (the panel's ingest path)
* ``message_received(ChatMessage)`` — the same messages one by one, right after their batch
* ``message_removed(ChatRemoval)``
* ``notice(ChatNotice)``
* ``source_status(source name, state, reason)``
* ``viewers_changed(platform, count)``
* ``sources_changed()`` — a source was added or removed (GUI thread)

Batching: messages and removals from source threads go into one thread-safe deque; the first item
after a flush posts a single queued wake-up to the hub (GUI thread), which flushes at most every
:data:`BATCH_INTERVAL_S` (50 ms): one ``messages_received`` per run of messages, removals in between,
so order is kept (a CLEARMSG never overtakes its message). At 5,000 msg/s that is ~20 signals a second
instead of 5,000, and the model inserts each batch with one ``beginInsertRows``. Calls made on the
hub's own thread (tests, GUI code) are delivered at once, synchronously. Status, notices and viewer
counts are not batched.

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

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ..sessions.store import SessionStore
from .model import ChatMessage, ChatNotice, ChatRemoval
from .storage import ChatStoreSink

log = logging.getLogger(__name__)

TWITCH_CHANNEL_ENV = "ONAIR_TWITCH_CHANNEL"
DEDUPE_MEMORY = 50_000
BATCH_INTERVAL_S = 0.05


class ChatSource(Protocol):
    """What the hub needs of a source: a name, start() and stop()."""

    name: str

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> None: ...


class ChatHub(QObject):
    """The chat listener of every source; see the module docstring for its signals."""

    messages_received = Signal(object)
    message_received = Signal(object)
    message_removed = Signal(object)
    notice = Signal(object)
    source_status = Signal(str, str, str)
    viewers_changed = Signal(str, int)
    sources_changed = Signal()
    _wake = Signal()

    def __init__(self, parent: QObject | None = None, *, dedupe_memory: int = DEDUPE_MEMORY,
                 clock: Callable[[], float] = time.time, batch_interval_s: float = BATCH_INTERVAL_S) -> None:
        super().__init__(parent)
        self.dedupe_memory = dedupe_memory
        self.clock = clock
        self.batch_interval_s = batch_interval_s
        self.sources: list[ChatSource] = []
        self.statuses: dict[str, tuple[str, str]] = {}
        self.sink: ChatStoreSink | None = None
        self._seen: collections.OrderedDict[tuple[str, str], None] = collections.OrderedDict()
        self._lock = threading.Lock()
        self._owner = threading.get_ident()  # the hub's (GUI) thread: calls made there are delivered at once
        self._pending: collections.deque[ChatMessage | ChatRemoval] = collections.deque()
        self._scheduled = False
        self._last_flush = 0.0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)
        self._wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)

    # -- set-up (GUI thread) ----------------------------------------------------------------------

    def record_into(self, store: SessionStore, session_id: Callable[[], int | None]) -> None:
        """Store chat (and viewer counts) in the session ``session_id()`` while it returns an id."""
        self.sink = ChatStoreSink(store, session_id)

    def add_source(self, source: ChatSource, *, start: bool = True) -> None:
        self.sources.append(source)
        self.sources_changed.emit()
        if start:
            source.start()

    def replace_sources(self, sources: list[ChatSource], names: tuple[str, ...]) -> threading.Thread:
        """Swap the sources named in ``names`` for ``sources`` (settings changed): the old ones are stopped
        on a thread (stopping may wait on the network), then the new ones start, so an old source's last
        status never overwrites a new one's. Returns that thread."""
        old = [s for s in self.sources if s.name in names]
        self.sources = [s for s in self.sources if s.name not in names] + list(sources)
        self.sources_changed.emit()

        def swap() -> None:
            for source in old:
                try:
                    source.stop(5.0)
                except Exception:
                    log.exception("Stopping chat source %s failed", source.name)
            for source in sources:
                source.start()

        thread = threading.Thread(target=swap, name="chat-swap", daemon=True)
        thread.start()
        return thread

    def start_from_env(self) -> list[ChatSource]:
        """Start the sources configured by ``ONAIR_TWITCH_CHANNEL``, ``ONAIR_YOUTUBE_VIDEO_ID`` (+
        ``ONAIR_YOUTUBE_API_KEY``), ``ONAIR_CHAT_REPLAY`` (+ ``ONAIR_CHAT_REPLAY_SPEED``) and Twitch viewer
        counts (channel + ``ONAIR_TWITCH_CLIENT_ID`` + ``ONAIR_TWITCH_TOKEN``); a bad value is logged and
        reported as that source's status."""
        started: list[ChatSource] = []
        makers: tuple[tuple[str, Callable[[], ChatSource | None]], ...] = (
            ("twitch", self._twitch_from_env), ("YouTube", self._youtube_from_env),
            ("replay", self._replay_from_env), ("Twitch viewers", self._helix_from_env))
        for name, make in makers:
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

    def _replay_from_env(self) -> ChatSource | None:
        from . import replay

        return replay.source_from_env(self)

    def _helix_from_env(self) -> ChatSource | None:
        from . import helix

        return helix.poller_from_env(self)

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
        self._enqueue(message)

    def on_removal(self, removal: ChatRemoval) -> None:
        self._enqueue(removal)

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
                    sink.tag_platform(sid, platform)
                except Exception:
                    log.exception("Storing a viewer count failed")
        self.viewers_changed.emit(platform, int(count))

    # -- batching -----------------------------------------------------------------------------------

    @property
    def backlog(self) -> int:
        """Messages and removals waiting for the next flush."""
        with self._lock:
            return len(self._pending)

    def _enqueue(self, item: ChatMessage | ChatRemoval) -> None:
        with self._lock:
            self._pending.append(item)
            if threading.get_ident() == self._owner:
                wake = False
            else:
                wake, self._scheduled = not self._scheduled, True
        if threading.get_ident() == self._owner:
            self.flush()
        elif wake:
            self._wake.emit()  # queued to the hub's thread: one per flush, however many items arrive

    @Slot()
    def _on_wake(self) -> None:
        wait = self._last_flush + self.batch_interval_s - time.monotonic()
        if wait <= 0:
            self.flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start(max(1, int(wait * 1000 + 0.5)))

    @Slot()
    def flush(self) -> None:
        """Emit what is pending (hub thread): a batch per run of messages, removals in order between."""
        with self._lock:
            items = list(self._pending)
            self._pending.clear()
            self._scheduled = False
        self._last_flush = time.monotonic()
        batch: list[ChatMessage] = []
        for item in items:
            if isinstance(item, ChatMessage):
                batch.append(item)
                continue
            if batch:
                self._emit_batch(batch)
                batch = []
            self.message_removed.emit(item)
        if batch:
            self._emit_batch(batch)

    def _emit_batch(self, batch: list[ChatMessage]) -> None:
        self.messages_received.emit(batch)
        for message in batch:
            self.message_received.emit(message)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        names: list[Any] = [getattr(s, "name", "?") for s in self.sources]
        return f"<ChatHub sources={names}>"
