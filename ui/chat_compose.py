"""The chat composer at the bottom of the chat dock: answer the audience on one platform or all of them.

``composeText`` (Enter sends), ``composeSend``, ``composeTarget`` ("All" plus every platform whose
source can send: Twitch with an OAuth token and login, YouTube with an OAuth token), ``composeCounter``
(characters / the tightest limit of the target), ``cannedButton`` (the canned replies menu: a reply is
inserted at the cursor; "Edit canned replies…" opens ``cannedRepliesDialog``; Ctrl+1…Ctrl+9 insert
reply 1…9 while the composer has focus — the bare digits stay the scene keys) and ``composeStatus``
(one result per platform, in plain language).

Nothing here waits on the network: Twitch's ``send`` only queues the line (the source paces it under
the rate limit; its local echo through the hub confirms it went out) and YouTube's returns a Future
whose result comes back through a queued signal. Text that is empty or longer than a target's limit
(Twitch 500, YouTube 200 characters) is refused with a message and sent nowhere.
"""

from __future__ import annotations

import contextlib
import functools
import urllib.error
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from controllers.chat.config import MESSAGE_LIMITS
from controllers.chat.hub import ChatHub
from controllers.chat.model import CONNECTED, DISCONNECTED, ChatMessage
from controllers.chat.twitch import TwitchChatSource, TwitchSendError
from controllers.chat.youtube import (
    AUTH_REASONS,
    CHAT_GONE_REASONS,
    QUOTA_REASONS,
    RATE_REASONS,
    YouTubeApiError,
    YouTubeChatSource,
)
from controllers.settings import Settings

from .models.chat_model import display_text

ALL = "all"
LABELS = {"twitch": "Twitch", "youtube": "YouTube"}
OK_COLOR = "#2e7d32"
ERROR_COLOR = "#c62828"
MIXED_COLOR = "#b35c00"
MAX_CANNED_KEYS = 9
QUEUE_NOTE_MS = 3000  # no echo from Twitch after this long: say the line is queued


def platform_of(source: object) -> str | None:
    """``"twitch"`` / ``"youtube"`` for a source that can send chat, else None."""
    if isinstance(source, TwitchChatSource):
        return "twitch"
    if isinstance(source, YouTubeChatSource):
        return "youtube"
    return None


class CannedRepliesDialog(QDialog):
    """``cannedRepliesText``: one reply per line."""

    def __init__(self, replies: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannedRepliesDialog")
        self.setWindowTitle(self.tr("Canned replies"))
        note = QLabel(self.tr("One reply per line. Ctrl+1 … Ctrl+9 insert the first nine while you type."), self)
        note.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(replies), self)
        self.text.setObjectName("cannedRepliesText")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("cannedRepliesSave")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(420, 300)

    def replies(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]


class ChatComposer(QWidget):
    """See the module docstring; reads the hub's sources, never owns them."""

    _youtube_done = Signal(int, object)  # ticket, Future — emitted from the youtube-chat thread

    def __init__(self, hub: ChatHub, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatComposer")
        self.hub = hub
        self.settings = settings
        self.results: dict[str, tuple[str, bool | None]] = {}  # platform → (text, ok; None = pending)
        self._ticket = 0
        self._twitch_pending: dict[str, int] = {}  # text → ticket, until Twitch's local echo arrives
        self.canned_dialog: CannedRepliesDialog | None = None
        self._queue_check = QTimer(self)
        self._queue_check.setSingleShot(True)
        self._queue_check.setInterval(QUEUE_NOTE_MS)
        self._queue_check.timeout.connect(self._check_twitch_queue)

        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("composeText")
        self.text_edit.setPlaceholderText(self.tr("Reply in chat… (Enter sends)"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.returnPressed.connect(self.send)
        self.text_edit.textChanged.connect(self._update_counter)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("composeSend")
        self.send_button.clicked.connect(self.send)

        self.target = QComboBox(self)
        self.target.setObjectName("composeTarget")
        self.target.setToolTip(self.tr("Where the message goes"))
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.target.currentIndexChanged.connect(self._update_counter)
        to_label = QLabel(self.tr("To:"), self)
        to_label.setBuddy(self.target)

        self.canned_menu = QMenu(self)
        self.canned_menu.setObjectName("cannedMenu")
        self.canned_menu.aboutToShow.connect(self._fill_canned_menu)
        # a QPushButton with a menu leaves room for the menu arrow (a QToolButton's arrow covered the text)
        self.canned_button = QPushButton(self.tr("Canned replies"), self)
        self.canned_button.setObjectName("cannedButton")
        self.canned_button.setToolTip(self.tr("Insert a canned reply (Ctrl+1 … Ctrl+9)"))
        self.canned_button.setAutoDefault(False)
        self.canned_button.setMenu(self.canned_menu)
        self._fill_canned_menu()

        self.counter = QLabel(self)
        self.counter.setObjectName("composeCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("composeStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.hide()

        line = QHBoxLayout()
        line.addWidget(self.text_edit, 1)
        line.addWidget(self.send_button)
        tools = QHBoxLayout()
        tools.addWidget(to_label)
        tools.addWidget(self.target)
        tools.addWidget(self.canned_button)
        tools.addStretch(1)
        tools.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(line)
        layout.addLayout(tools)
        layout.addWidget(self.status_label)

        self.canned_shortcuts: list[QShortcut] = []
        for n in range(1, MAX_CANNED_KEYS + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_canned_key)
            self.canned_shortcuts.append(shortcut)

        self._youtube_done.connect(self._on_youtube_done)
        hub.sources_changed.connect(self.refresh_targets)
        hub.source_status.connect(self._on_source_status)
        hub.messages_received.connect(self._on_messages)
        self.refresh_targets()

    @classmethod
    def attach(cls, panel: QWidget, settings: Settings) -> ChatComposer:
        """A composer for ``panel``'s hub, added at the bottom of the panel's layout."""
        hub = panel.hub  # type: ignore[attr-defined]
        composer = cls(hub, settings, panel)
        layout = panel.layout()
        if isinstance(layout, QBoxLayout):
            layout.addWidget(composer)
        return composer

    # -- targets ----------------------------------------------------------------------------------

    def senders(self) -> list[tuple[str, Any]]:
        """``(platform, source)`` for each Twitch/YouTube source of the hub, in the hub's order."""
        found: list[tuple[str, Any]] = []
        for source in self.hub.sources:
            platform = platform_of(source)
            if platform is not None and platform not in {p for p, _ in found}:
                found.append((platform, source))
        return found

    @Slot()
    def refresh_targets(self) -> None:
        current = self.target.currentData() or ALL
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("All"), ALL)
        for platform, source in self.senders():
            if source.can_send:
                self.target.addItem(LABELS[platform], platform)
        index = self.target.findData(current)
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)
        self._update_counter()

    @Slot(str, str, str)
    def _on_source_status(self, _name: str, _state: str, _reason: str) -> None:
        self.refresh_targets()

    def _targets(self) -> list[tuple[str, Any]]:
        wanted = self.target.currentData() or ALL
        return [(p, s) for p, s in self.senders() if s.can_send and wanted in (ALL, p)]

    def limit(self) -> int:
        """The tightest character limit of the chosen target (Twitch's when nothing can send)."""
        limits = [MESSAGE_LIMITS[p] for p, _ in self._targets()]
        return min(limits) if limits else MESSAGE_LIMITS["twitch"]

    @Slot()
    def _update_counter(self) -> None:
        n, limit = len(self.text_edit.text().strip()), self.limit()
        self.counter.setText(f"{n}/{limit}")
        self.counter.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;" if n > limit else "")

    # -- sending ----------------------------------------------------------------------------------

    @Slot()
    def send(self) -> bool:
        """Send the text line to the chosen target; False when nothing was sent (see ``composeStatus``)."""
        text = self.text_edit.text().strip()
        if not text:
            self._say(self.tr("Type a message first."), False)
            return False
        targets = self._targets()
        if not targets:
            self._say(self._why_nothing_can_send(), False)
            return False
        too_long = [(p, MESSAGE_LIMITS[p]) for p, _ in targets if len(text) > MESSAGE_LIMITS[p]]
        if too_long:
            self._say(" · ".join(self.tr("Too long for {platform}: {n} characters, the limit is {limit}.").format(
                platform=LABELS[p], n=len(text), limit=limit) for p, limit in too_long)
                + " " + self.tr("Nothing was sent."), False)
            return False
        self._ticket += 1
        self._twitch_pending.clear()
        self.results = {}
        for platform, source in targets:
            if platform == "twitch":
                self.results[platform] = self._send_twitch(source, text)
            else:
                self.results[platform] = self._send_youtube(source, text)
        if any(ok is not False for _, ok in self.results.values()):
            self.text_edit.clear()
        self._render()
        return True

    def _send_twitch(self, source: TwitchChatSource, text: str) -> tuple[str, bool | None]:
        if source.state == DISCONNECTED and source.reason != "":
            return self.tr("not connected — {reason}").format(reason=display_text(source.reason, 200)), False
        try:
            source.send(text)
        except TwitchSendError as exc:
            return display_text(str(exc), 200), False
        if source.state != CONNECTED:
            return self.tr("queued — goes out once the chat is connected again"), None
        self._twitch_pending[text] = self._ticket
        self._queue_check.start()
        return self.tr("sending…"), None

    @Slot()
    def _check_twitch_queue(self) -> None:
        """Still no echo after a while: the line waits for Twitch's rate limit (or a reconnection)."""
        if self.results.get("twitch", ("", True))[1] is None and self._twitch_pending:
            source = next((s for p, s in self.senders() if p == "twitch"), None)
            waiting = source.queued if isinstance(source, TwitchChatSource) else 0
            self.results["twitch"] = (self.tr("queued ({n} waiting) — Twitch's rate limit lets it out shortly")
                                      .format(n=max(1, waiting)), None)
            self._render()

    def _send_youtube(self, source: YouTubeChatSource, text: str) -> tuple[str, bool | None]:
        if source.state == DISCONNECTED and source.reason:
            return self.tr("not connected — {reason}").format(reason=display_text(source.reason, 200)), False
        future = source.send(text)
        future.add_done_callback(functools.partial(self._youtube_callback, self._ticket))
        if future.done():
            return self.results.get("youtube", (self.tr("sending…"), None))
        return self.tr("sending…"), None

    def _youtube_callback(self, ticket: int, future: Future[ChatMessage]) -> None:
        """Any thread: hand the finished future to the GUI thread."""
        with contextlib.suppress(RuntimeError):  # the composer is gone (window closed)
            self._youtube_done.emit(ticket, future)

    @Slot(int, object)
    def _on_youtube_done(self, ticket: int, future: Future[ChatMessage]) -> None:
        if ticket != self._ticket:
            return
        exc = future.exception()
        self.results["youtube"] = (self.tr("sent"), True) if exc is None else (self.explain_youtube(exc), False)
        self._render()

    @Slot(object)
    def _on_messages(self, messages: list[ChatMessage]) -> None:
        """Twitch's local echo of a sent line: it has left the queue."""
        if not self._twitch_pending:
            return
        for message in messages:
            if message.platform == "twitch" and message.extra.get("local") == "1":
                ticket = self._twitch_pending.pop(message.text, None)
                if ticket == self._ticket:
                    self.results["twitch"] = (self.tr("sent"), True)
                    self._render()

    def explain_youtube(self, exc: BaseException) -> str:
        """A failed liveChatMessages.insert, for the operator."""
        if isinstance(exc, YouTubeApiError):
            reason = exc.reason
            if reason in QUOTA_REASONS:
                return self.tr("quota exceeded — YouTube takes more messages once the daily quota resets")
            if reason in RATE_REASONS or exc.status == 429:
                return self.tr("sending too fast — wait a moment and try again")
            if reason in CHAT_GONE_REASONS:
                return self.tr("the live chat is closed ({reason})").format(reason=reason)
            if reason == "forbidden" or reason == "insufficientPermissions":
                return self.tr("this account may not post in this chat ({reason})").format(reason=reason)
            if exc.status == 401 or reason in AUTH_REASONS:
                return self.tr("sign-in rejected — renew the OAuth token in Settings ▸ Chat sources")
            if reason == "messageTextInvalid":
                return self.tr("YouTube refused the text (messageTextInvalid)")
            if exc.status == 0:
                return self.tr("not connected yet — try again in a moment")
            return self.tr("failed (HTTP {status} {reason})").format(status=exc.status, reason=reason).strip()
        if isinstance(exc, urllib.error.URLError | OSError):
            return self.tr("cannot reach YouTube — check the network")
        return self.tr("failed ({error})").format(error=type(exc).__name__)

    def _why_nothing_can_send(self) -> str:
        senders = self.senders()
        if not senders:
            return self.tr("No chat to send to: set up Twitch or YouTube in Settings ▸ Chat sources.")
        reasons = []
        for platform, source in senders:
            if platform == "twitch" and not source.can_send:
                reasons.append(self.tr("Twitch: not logged in — add an OAuth token in Settings ▸ Chat sources"))
            elif platform == "youtube" and not source.can_send:
                reasons.append(self.tr("YouTube: reading with an API key only — add an OAuth token in "
                                       "Settings ▸ Chat sources"))
        return " · ".join(reasons) or self.tr("Nothing to send to.")

    def _say(self, text: str, ok: bool | None) -> None:
        self.status_label.setText(text)
        color = {True: OK_COLOR, False: ERROR_COLOR}.get(ok) if ok is not None else None
        self.status_label.setStyleSheet(f"color: {color};" if color else "")
        self.status_label.show()

    def _render(self) -> None:
        marks = {True: "✓ ", False: "✗ ", None: ""}
        parts = [f"{marks[ok]}{LABELS[p]}: {text}" for p, (text, ok) in self.results.items()]
        states = [ok for _, ok in self.results.values()]
        color = ""
        if states and all(s is True for s in states):
            color = OK_COLOR
        elif states and all(s is False for s in states):
            color = ERROR_COLOR
        elif False in states:
            color = MIXED_COLOR  # one platform failed, another did not
        self.status_label.setText(" · ".join(parts))
        self.status_label.setStyleSheet(f"color: {color};" if color else "")
        self.status_label.show()

    # -- canned replies ---------------------------------------------------------------------------

    @Slot()
    def _fill_canned_menu(self) -> None:
        self.canned_menu.clear()
        replies = self.settings.chat_canned_replies
        for n, reply in enumerate(replies, start=1):
            label = display_text(reply, 60).replace("&", "&&")
            action = QAction(label, self.canned_menu)
            action.setObjectName(f"cannedReply{n}")
            action.setData(n)
            if n <= MAX_CANNED_KEYS:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
                action.setShortcutVisibleInContextMenu(True)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the composer's keys do the work
            action.triggered.connect(self._on_canned_action)
            self.canned_menu.addAction(action)
        if not replies:
            empty = self.canned_menu.addAction(self.tr("No canned replies yet"))
            empty.setEnabled(False)
        self.canned_menu.addSeparator()
        edit = self.canned_menu.addAction(self.tr("Edit canned replies…"))
        edit.setObjectName("cannedEdit")
        edit.triggered.connect(self.edit_canned)

    @Slot()
    def _on_canned_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.insert_canned(int(action.data()))

    @Slot()
    def _on_canned_key(self) -> None:
        shortcut = self.sender()
        if isinstance(shortcut, QShortcut) and shortcut in self.canned_shortcuts:
            self.insert_canned(self.canned_shortcuts.index(shortcut) + 1)

    def insert_canned(self, n: int) -> bool:
        """Insert canned reply ``n`` (1-based) at the cursor of the text line."""
        replies = self.settings.chat_canned_replies
        if not 1 <= n <= len(replies):
            self._say(self.tr("There is no canned reply {n}.").format(n=n), False)
            return False
        self.text_edit.insert(replies[n - 1])
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    @Slot()
    def edit_canned(self) -> None:
        """Open the canned replies editor (not modal for the event loop: ``open()``)."""
        self.canned_dialog = CannedRepliesDialog(self.settings.chat_canned_replies, self)
        self.canned_dialog.finished.connect(self._on_canned_edited)
        self.canned_dialog.open()

    @Slot(int)
    def _on_canned_edited(self, result: int) -> None:
        dialog = self.canned_dialog
        if dialog is None:
            return
        if result == QDialog.DialogCode.Accepted:
            self.set_canned_replies(dialog.replies())
        dialog.deleteLater()
        self.canned_dialog = None

    def set_canned_replies(self, replies: list[str]) -> None:
        self.settings.chat_canned_replies = replies
        self.settings.sync()
        self._fill_canned_menu()
