"""Qt list model of chat messages from every platform, in time order, shown as plain text only.

Chat text is untrusted. :func:`display_text` makes the line the view shows: bidi controls and
invisible characters become visible markers (they cannot reorder the UI), line breaks and other
control characters are neutralised, and a long line is cut at :data:`DISPLAY_LIMIT` characters with
"…". The message itself (``MessageRole``, ``TextRole``) stays exactly as received.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Slot

from controllers.chat.model import ChatMessage, ChatRemoval

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


def badge(platform: str) -> str:
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
    head = f"{when} {badge(message.platform)} {author}"
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
    """Messages in time order (``t``, then arrival); at most ``cap`` rows kept (the oldest go first)."""

    def __init__(self, parent: Any = None, *, cap: int = DEFAULT_CAP) -> None:
        super().__init__(parent)
        self.cap = cap
        self._rows: list[_Row] = []
        self._keys: list[tuple[float, int]] = []
        self._by_id: dict[tuple[str, str], _Row] = {}
        self._seq = 0

    # -- changes (GUI thread) -----------------------------------------------------------------------

    @Slot(object)
    def add_message(self, message: ChatMessage) -> None:
        if message.message_id and (message.platform, message.message_id) in self._by_id:
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

    def add_messages(self, messages: list[ChatMessage]) -> None:
        for message in messages:
            self.add_message(message)

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
        self.endResetModel()

    def _row_of(self, row: _Row) -> int:
        number = bisect.bisect_left(self._keys, row.key)
        return number if number < len(self._rows) and self._rows[number] is row else -1

    def _trim(self) -> None:
        excess = len(self._rows) - self.cap
        if excess <= 0:
            return
        self.beginRemoveRows(QModelIndex(), 0, excess - 1)
        for row in self._rows[:excess]:
            m = row.message
            if m.message_id:
                self._by_id.pop((m.platform, m.message_id), None)
        del self._rows[:excess]
        del self._keys[:excess]
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
