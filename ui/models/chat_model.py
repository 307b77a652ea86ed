"""Qt list model of chat messages from every platform, in time order, shown as plain text only.

Chat text is untrusted. :func:`display_text` makes the line the view shows: bidi controls and
invisible characters become visible markers (they cannot reorder the UI), line breaks and other
control characters are neutralised, and a long line is cut at :data:`DISPLAY_LIMIT` characters with
"…". The message itself (``MessageRole``, ``TextRole``) stays exactly as received.

Memory stays bounded: ``cap`` rows while the operator follows the newest messages; older messages
are paged back in from the session database (:func:`controllers.sessions.queries.chat_page`) by
:class:`ChatHistoryLoader` on its own thread and prepended with :meth:`ChatListModel.prepend_older`.
Past ``2 × cap`` rows the newest end is let go (``live_edge`` False; live messages wait in
``held``) until the operator returns to the newest (:meth:`ChatListModel.reset_to`).
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import datetime as dt
import logging
import re
import sqlite3
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)

from controllers.chat.model import ChatMessage, ChatRemoval
from controllers.sessions.queries import ChatPage, chat_page

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
MessageRole = Qt.ItemDataRole.UserRole + 1
PlatformRole = Qt.ItemDataRole.UserRole + 2
AuthorRole = Qt.ItemDataRole.UserRole + 3
RolesRole = Qt.ItemDataRole.UserRole + 4
PaidRole = Qt.ItemDataRole.UserRole + 5
TextRole = Qt.ItemDataRole.UserRole + 6
RemovedRole = Qt.ItemDataRole.UserRole + 7
TimeRole = Qt.ItemDataRole.UserRole + 8

DEFAULT_CAP = 20_000
DISPLAY_LIMIT = 500
ELLIPSIS = "…"

PLATFORM_BADGES = {"twitch": "Twitch", "youtube": "YouTube", "replay": "Replay"}

#: Characters that reorder text (bidi embeddings, overrides, isolates, marks): shown as markers.
BIDI_NAMES = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
              "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
              "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM"}
#: Invisible characters: shown as markers (ZWJ only outside emoji sequences, where it is legitimate).
INVISIBLE_NAMES = {"\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM",
                   "\u00ad": "SHY", "\u180e": "MVS", "\u2061": "FA", "\u2062": "IT", "\u2063": "IS",
                   "\u2064": "IP"}
LINE_BREAKS = {"\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatListModel", text)


def _emoji_like(ch: str) -> bool:
    return ord(ch) >= 0x2000 and ch not in BIDI_NAMES and ch not in INVISIBLE_NAMES


def display_text(text: str, limit: int = DISPLAY_LIMIT) -> str:
    """``text`` made safe to show on one line: visible markers for bidi/invisible characters,
    "⏎" for line breaks, "\\xNN" for other control characters, cut at ``limit`` characters + "…"."""
    out: list[str] = []
    size = 0
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in BIDI_NAMES:
            piece = f"⟮{BIDI_NAMES[ch]}⟯"
        elif ch in INVISIBLE_NAMES:
            if ch == "\u200d" and 0 < i < last and _emoji_like(text[i - 1]) and _emoji_like(text[i + 1]):
                piece = ch  # 👨‍👩‍👧: the joiner belongs to the emoji
            else:
                piece = f"⟮{INVISIBLE_NAMES[ch]}⟯"
        elif ch in LINE_BREAKS:
            piece = "⏎"
        elif ch == "\t":
            piece = " "
        elif ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0:
            piece = f"\\x{ord(ch):02x}"
        else:
            piece = ch
        if size + len(piece) > limit:
            out.append(ELLIPSIS)
            return "".join(out)
        out.append(piece)
        size += len(piece)
    return "".join(out)


def badge(platform: str, original: str = "") -> str:
    """``[Twitch]``; a replayed message shows where it was first said: ``[Twitch ↻]``."""
    if platform == "replay" and original and original != "replay":
        return f"[{PLATFORM_BADGES.get(original, display_text(original, 20))} ↻]"
    return f"[{PLATFORM_BADGES.get(platform, display_text(platform, 20))}]"


def paid_label(message: ChatMessage) -> str:
    if message.bits:
        return _tr("{bits} bits").format(bits=message.bits)
    if message.paid_amount is not None:
        return f"{message.paid_amount:g} {display_text(message.paid_currency or '', 8)}".strip()
    return ""


def message_line(message: ChatMessage, removed: str = "", limit: int = DISPLAY_LIMIT) -> str:
    """The plain-text line of one message: time, platform badge, author (roles), paid, text."""
    when = dt.datetime.fromtimestamp(message.t).strftime("%H:%M")
    author = display_text(message.author, 60) or "—"
    if message.roles:
        author += f" ({', '.join(message.roles)})"
    original = str(message.extra.get("original_platform", "")) if message.extra else ""
    head = f"{when} {badge(message.platform, original)} {author}"
    paid = paid_label(message)
    if paid:
        head += f" [{paid}]"
    if removed:
        return f"{head}: {_tr('[message removed]')}"
    body = message.text_only()
    if message.system_text:
        body = f"★ {message.system_text}" + (f" — {body}" if body else "")
    return f"{head}: {display_text(body, limit)}"


@dataclass
class _Row:
    message: ChatMessage
    key: tuple[float, int]
    removed: str = ""      # the removal's reason ("deleted", "timeout" …), "" while shown


class ChatListModel(QAbstractListModel):
    """Messages in time order (``t``, then arrival); at most ``cap`` rows kept (the oldest go first).

    ``trim_oldest`` False (the operator reads older messages) lets live rows grow to ``2 × cap``
    before the top goes; :meth:`trim_to_cap` brings the window back once they follow again."""

    def __init__(self, parent: Any = None, *, cap: int = DEFAULT_CAP) -> None:
        super().__init__(parent)
        self.cap = cap
        self._rows: list[_Row] = []
        self._keys: list[tuple[float, int]] = []
        self._by_id: dict[tuple[str, str], _Row] = {}
        self._seq = 0
        self._low_seq = 0
        self.trim_oldest = True
        self.live_edge = True      # the newest messages are in the model
        self.held: collections.deque[ChatMessage] = collections.deque(maxlen=cap)

    @property
    def ceiling(self) -> int:
        return 2 * self.cap

    # -- changes (GUI thread) -----------------------------------------------------------------------

    @Slot(object)
    def add_message(self, message: ChatMessage) -> None:
        if message.message_id and (message.platform, message.message_id) in self._by_id:
            return
        if not self.live_edge:
            self.held.append(message)  # the newest end is out of the window: back with reset_to()
            return
        self._seq += 1
        row = _Row(message, (message.t, self._seq))
        if not self._keys or row.key >= self._keys[-1]:
            position = len(self._rows)  # the usual case: newest last
        else:
            position = bisect.bisect_right(self._keys, row.key)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._keys.insert(position, row.key)
        if message.message_id:
            self._by_id[(message.platform, message.message_id)] = row
        self.endInsertRows()
        self._trim()

    @Slot(object)
    def add_messages(self, messages: list[ChatMessage]) -> None:
        """A batch (ChatHub.messages_received): each run newer than every row goes in with one
        ``beginInsertRows``; an older straggler is placed by :meth:`add_message`."""
        if not self.live_edge:
            for message in messages:
                self.add_message(message)
            return
        run: list[_Row] = []
        seen: set[tuple[str, str]] = set()
        for message in messages:
            if message.message_id:
                key = (message.platform, message.message_id)
                if key in self._by_id or key in seen:
                    continue
                seen.add(key)
            newest = run[-1].key[0] if run else (self._keys[-1][0] if self._keys else float("-inf"))
            if message.t >= newest:
                self._seq += 1
                run.append(_Row(message, (message.t, self._seq)))
            else:
                self._append_rows(run)
                run = []
                self.add_message(message)
        self._append_rows(run)

    def _append_rows(self, rows: list[_Row]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._keys.extend(row.key for row in rows)
        for row in rows:
            if row.message.message_id:
                self._by_id[(row.message.platform, row.message.message_id)] = row
        self.endInsertRows()
        self._trim()

    def prepend_older(self, messages: list[ChatMessage]) -> int:
        """Insert ``messages`` (oldest first, none newer than the first row) above the first row;
        ones already shown are skipped. Past :attr:`ceiling` the newest rows go. Returns rows added."""
        fresh: list[ChatMessage] = []
        seen: set[tuple[str, str]] = set()
        first_t = self._keys[0][0] if self._keys else float("inf")
        for m in messages:
            key = (m.platform, m.message_id)
            if m.t > first_t or (m.message_id and (key in self._by_id or key in seen)):
                continue
            seen.add(key)
            fresh.append(m)
        if not fresh:
            return 0
        start = self._low_seq - len(fresh)
        self._low_seq = start
        new = [_Row(m, (m.t, start + i)) for i, m in enumerate(fresh)]
        new.sort(key=lambda r: r.key)
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._rows[:0] = new
        self._keys[:0] = [r.key for r in new]
        for r in new:
            if r.message.message_id:
                self._by_id[(r.message.platform, r.message.message_id)] = r
        self.endInsertRows()
        excess = len(self._rows) - self.ceiling
        if excess > 0:
            self._remove(len(self._rows) - excess, len(self._rows))
            self.live_edge = False
        return len(new)

    def reset_to(self, messages: list[ChatMessage]) -> None:
        """Replace every row with the newest ``messages`` plus those ``held`` (back at the newest end)."""
        held = list(self.held)
        self.held.clear()
        self.beginResetModel()
        self._rows.clear()
        self._keys.clear()
        self._by_id.clear()
        self.live_edge = True
        self.endResetModel()
        for m in [*messages, *held]:
            self.add_message(m)
        self.trim_to_cap()

    def trim_to_cap(self) -> None:
        """Back to ``cap`` rows, dropping the oldest (the operator follows the newest again)."""
        excess = len(self._rows) - self.cap
        if excess > 0:
            self._remove(0, excess)

    def oldest_message(self) -> ChatMessage | None:
        return self._rows[0].message if self._rows else None

    @Slot(object)
    def apply_removal(self, removal: ChatRemoval) -> int:
        """Mark the messages a removal takes out of view; returns how many were marked."""
        reason = removal.reason or "deleted"
        changed: list[int] = []
        if removal.message_id:
            row = self._by_id.get((removal.platform, removal.message_id))
            if row is not None and not row.removed:
                row.removed = reason
                changed.append(self._row_of(row))
        elif removal.clear_all or removal.author_id or removal.user:
            user = (removal.user or "").lower()
            for number, row in enumerate(self._rows):
                m = row.message
                if m.platform != removal.platform or row.removed:
                    continue
                if removal.channel and m.channel and m.channel != removal.channel:
                    continue
                if removal.clear_all or (removal.author_id and m.author_id == removal.author_id) \
                        or (user and m.author.lower() == user):
                    row.removed = reason
                    changed.append(number)
        for number in changed:
            if number >= 0:
                index = self.index(number)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, RemovedRole])
        return len(changed)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._keys.clear()
        self._by_id.clear()
        self.held.clear()
        self.live_edge = True
        self.endResetModel()

    def _row_of(self, row: _Row) -> int:
        number = bisect.bisect_left(self._keys, row.key)
        return number if number < len(self._rows) and self._rows[number] is row else -1

    def _trim(self) -> None:
        excess = len(self._rows) - (self.cap if self.trim_oldest else self.ceiling)
        if excess > 0:
            self._remove(0, excess)

    def _remove(self, first: int, end: int) -> None:
        """Remove rows ``first`` … ``end - 1``."""
        self.beginRemoveRows(QModelIndex(), first, end - 1)
        for row in self._rows[first:end]:
            m = row.message
            if m.message_id:
                self._by_id.pop((m.platform, m.message_id), None)
        del self._rows[first:end]
        del self._keys[first:end]
        self.endRemoveRows()

    # -- reading ----------------------------------------------------------------------------------

    def message_at(self, row: int) -> ChatMessage | None:
        return self._rows[row].message if 0 <= row < len(self._rows) else None

    def is_removed(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and bool(self._rows[row].removed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        m = row.message
        if role == Qt.ItemDataRole.DisplayRole:
            return message_line(m, row.removed)
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        if role == MessageRole:
            return m
        if role == PlatformRole:
            return m.platform
        if role == AuthorRole:
            return m.author
        if role == RolesRole:
            return list(m.roles)
        if role == PaidRole:
            return m.paid
        if role == TextRole:
            return "" if row.removed else m.text
        if role == RemovedRole:
            return row.removed
        if role == TimeRole:
            return m.t
        return None


class ChatRowMirror(QStringListModel):
    """The rows of a :class:`ChatListModel` as the views see them, counted in C++.

    A tree or list view walks every row at each relayout (after every insertion) asking the model
    for ``index()`` / ``flags()``; on a Python model each of those calls ``rowCount()`` in Python
    (~40,000 calls per insertion with 20,000 rows). This model keeps one empty string per row
    (inserted, removed and reset after the source's own change), so those walks stay in C++, and
    forwards ``data()`` — asked only for the rows drawn or filtered — to the source. Read-only
    (``setData`` refuses); ``flags()`` is left in C++ on purpose (a Python override would be called
    for every row again)."""

    def __init__(self, source: ChatListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        source.rowsInserted.connect(self._on_inserted)
        source.rowsRemoved.connect(self._on_removed)
        source.modelReset.connect(self._on_reset)
        source.dataChanged.connect(self._on_changed)
        self._on_reset()

    @Slot(QModelIndex, int, int)
    def _on_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.insertRows(first, last - first + 1)

    @Slot(QModelIndex, int, int)
    def _on_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.removeRows(first, last - first + 1)

    @Slot()
    def _on_reset(self) -> None:
        self.setStringList([""] * self.source.rowCount())

    @Slot(QModelIndex, QModelIndex, list)
    def _on_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]) -> None:
        self.dataChanged.emit(self.index(top_left.row()), self.index(bottom_right.row()), roles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.source.data(self.source.index(index.row()), role)

    def setData(self, _index: Index, _value: Any, _role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False  # read-only: the rows are the source's


class ChatHistoryLoader(QObject):
    """Reads pages of a session's chat on its own thread (``chat-history``); results come back through
    the queued ``page_loaded(request_id, ChatPage)`` / ``failed(request_id, reason)`` signals."""

    page_loaded = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, connect: Callable[[], sqlite3.Connection], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_db = connect
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-history")
        weakref.finalize(self, self._pool.shutdown, wait=False)
        self._closed = False
        self._next_id = 0

    def request(self, session_id: int, before_t: float | None, before_id: int | None, limit: int) -> int:
        """Ask for a page (see :func:`chat_page`); returns the request id the signals carry."""
        self._next_id += 1
        request_id = self._next_id
        if not self._closed:
            self._pool.submit(self._job, request_id, session_id, before_t, before_id, limit)
        return request_id

    def _job(self, request_id: int, session_id: int, before_t: float | None, before_id: int | None,
             limit: int) -> None:
        try:
            conn = self.open_db()
            try:
                page: ChatPage = chat_page(conn, session_id, before_t, before_id, limit)
            finally:
                conn.close()
        except Exception as exc:  # a locked or damaged database: the panel says so and stays usable
            log.warning("Reading older chat failed: %s", exc)
            self._emit(self.failed, request_id, str(exc))
            return
        self._emit(self.page_loaded, request_id, page)

    def _emit(self, signal: Any, *args: Any) -> None:
        if self._closed:
            return
        with contextlib.suppress(RuntimeError):  # the panel went away while the page was read
            signal.emit(*args)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)


MODERATOR_ROLES = frozenset({"broadcaster", "owner", "moderator"})
MEMBER_ROLES = frozenset({"subscriber", "member"})


def user_entry(message: ChatMessage) -> dict[str, str]:
    """How a hidden user is remembered: platform, the platform's user id and the name shown."""
    return {"platform": message.platform, "author_id": message.author_id, "author": message.author}


class ChatRules:
    """The operator's local chat rules, shared by the filter proxy and the delegate: the streamer's
    name (mentions), highlight rules (a keyword found in the text, or a whole author name) and the
    users hidden locally (by platform user id, else by name)."""

    def __init__(self, streamer: str = "", highlights: list[str] | None = None, highlight_mentions: bool = True,
                 hidden: list[dict[str, str]] | None = None) -> None:
        self.highlight_mentions = highlight_mentions
        self.set_streamer(streamer)
        self.set_highlights(highlights or [])
        self.set_hidden(hidden or [])

    def set_streamer(self, name: str) -> None:
        self.streamer = name.strip().lstrip("@#")
        self._mention = (re.compile(r"(?<!\w)@?" + re.escape(self.streamer) + r"(?!\w)", re.IGNORECASE)
                         if self.streamer else None)

    def set_highlights(self, rules: list[str]) -> None:
        self.highlights = list(dict.fromkeys(r.strip() for r in rules if r.strip()))
        self._names = {r.lstrip("@").casefold() for r in self.highlights}
        self._words = [r.casefold() for r in self.highlights]

    def set_hidden(self, users: list[dict[str, str]]) -> None:
        self.hidden = [dict(u) for u in users]
        self._hidden_ids = {(u["platform"], u["author_id"]) for u in self.hidden if u.get("author_id")}
        self._hidden_names = {(u["platform"], u.get("author", "").casefold()) for u in self.hidden
                              if not u.get("author_id")}

    def mentions(self, message: ChatMessage) -> bool:
        return self._mention is not None and self._mention.search(message.text) is not None

    def highlighted(self, message: ChatMessage) -> bool:
        if self.highlight_mentions and self.mentions(message):
            return True
        if not self.highlights:
            return False
        if message.author.casefold() in self._names:
            return True
        text = message.text.casefold()
        return any(word in text for word in self._words)

    def is_hidden(self, message: ChatMessage) -> bool:
        if message.author_id and (message.platform, message.author_id) in self._hidden_ids:
            return True
        return bool(self._hidden_names) and (message.platform, message.author.casefold()) in self._hidden_names

    def hide(self, message: ChatMessage) -> bool:
        """Hide ``message``'s author; False if already hidden."""
        if self.is_hidden(message):
            return False
        self.set_hidden([*self.hidden, user_entry(message)])
        return True

    def unhide(self, entry: dict[str, str] | None) -> None:
        """Show one hidden user again (``None``: everyone)."""
        self.set_hidden([] if entry is None else [u for u in self.hidden if u != entry])
