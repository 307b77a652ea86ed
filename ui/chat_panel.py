"""The chat panel: every platform's chat in one time-ordered list, as plain text only.

``chatList`` (:class:`ChatListView`, a one-column QTreeView that measures only the rows it shows;
:class:`PlainLineDelegate` draws DisplayRole strings as wrapped plain text, never as HTML),
``chatFilter`` (substring, case-insensitive), ``questionsOnly``, ``newMessagesButton`` ("N new"
while the operator has scrolled up), ``chatRate`` (messages per minute), ``chatStatus`` (one entry
per source), ``chatEmpty`` (no source configured), ``featureButton`` / ``featureSeconds`` /
``featureStatus`` (feature the selected message on stream in the program scene; also in the list's
context menu; needs an ObsClient). Every label that may show text from the
network is ``Qt.PlainText``.

Filters (all AND): ``chatFilter`` text, ``questionsOnly``, and the ``chatFiltersButton`` menu —
``filterMentions`` (the streamer's name, ``Settings.streamer_name``), ``filterModerators``,
``filterMembers``, ``filterPaid``. ``chatHighlightsButton`` opens :class:`ChatHighlightDialog`;
highlighted rows get a tinted background. "Hide messages from …" in the context menu hides an
author locally; ``chatHiddenButton`` lists the hidden users to show them again. Rules and hidden
users live in the settings. Ctrl+F focuses the filter, Esc clears it.

Scroll-back: at the top of the list older messages of the current session are read from the
database by :class:`ChatHistoryLoader` (``chatHistoryLoading`` shows meanwhile) and prepended with
the row in view kept in place.
"""

from __future__ import annotations

import collections
import math
import sqlite3
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QShortcut,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from controllers.chat.feature import FeatureResult, feature_message, featured_text
from controllers.chat.hub import ChatHub
from controllers.chat.model import ChatMessage, ChatNotice
from controllers.obs.client import ObsClient
from controllers.obs.errors import ObsError
from controllers.obs.model import LinkState
from controllers.sessions.queries import ChatPage
from controllers.sessions.store import SessionStore
from controllers.settings import Settings

from .chat_highlight_dialog import ChatHighlightDialog
from .models.chat_model import (
    MEMBER_ROLES,
    MODERATOR_ROLES,
    AuthorRole,
    ChatHistoryLoader,
    ChatListModel,
    ChatRowMirror,
    ChatRules,
    MessageRole,
    RemovedRole,
    TextRole,
    display_text,
)

Index = QModelIndex | QPersistentModelIndex
RATE_WINDOW_S = 60.0
QUESTION_MARKS = ("?", "？")
PAGE_SIZE = 200
MENU_ARROW = " ▾"
HEIGHT_CACHE = 100_000
MENU_BUTTON_STYLE = "QToolButton::menu-indicator { image: none; width: 0px; }"
HIGHLIGHT_COLOR = QColor(255, 196, 0, 70)     # amber tint, readable in light and dark palettes
HIGHLIGHT_BAR = QColor(230, 150, 0)


def menu_text(name: str) -> str:
    """A user's name for a menu entry: :func:`display_text`, and "&" kept literal (not a mnemonic)."""
    return display_text(name, 40).replace("&", "&&")


class ChatFilterProxy(QSortFilterProxyModel):
    """Rows whose author or text contains the filter text (case-insensitive); optionally questions only,
    mentions of the streamer, moderators, members/subscribers, paid messages only (all combined);
    never the authors hidden in ``rules``."""

    def __init__(self, parent: Any = None, rules: ChatRules | None = None) -> None:
        super().__init__(parent)
        self.rules = rules or ChatRules()
        self._needle = ""
        self._questions = False
        self._mentions = False
        self._moderators = False
        self._members = False
        self._paid = False

    def _set(self, name: str, on: bool) -> None:
        self.beginFilterChange()
        setattr(self, name, bool(on))
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @Slot(bool)
    def set_mentions_only(self, on: bool) -> None:
        self._set("_mentions", on)

    @Slot(bool)
    def set_moderators_only(self, on: bool) -> None:
        self._set("_moderators", on)

    @Slot(bool)
    def set_members_only(self, on: bool) -> None:
        self._set("_members", on)

    @Slot(bool)
    def set_paid_only(self, on: bool) -> None:
        self._set("_paid", on)

    def rules_changed(self) -> None:
        """Hidden users or the streamer's name changed: filter again."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def active_filters(self) -> int:
        return sum((self._mentions, self._moderators, self._members, self._paid))

    @Slot(str)
    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @Slot(bool)
    def set_questions_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._questions = bool(on)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not (self._needle or self._questions or self.rules.hidden or self.active_filters()):
            return True  # the usual case while chat pours in: nothing to look at
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        message = model.data(index, MessageRole)
        if isinstance(message, ChatMessage):
            rules = self.rules
            if rules.hidden and rules.is_hidden(message):
                return False
            if self._mentions and not rules.mentions(message):
                return False
            if self._moderators and not MODERATOR_ROLES.intersection(message.roles):
                return False
            if self._members and not MEMBER_ROLES.intersection(message.roles):
                return False
            if self._paid and not (message.paid or message.kind == "paid"):
                return False
        if not self._needle and not self._questions:
            return True
        text = str(model.data(index, TextRole) or "")
        if self._questions and not any(mark in text for mark in QUESTION_MARKS):
            return False
        if self._needle:
            author = str(model.data(index, AuthorRole) or "")
            return self._needle in text.casefold() or self._needle in author.casefold()
        return True


class PlainLineDelegate(QStyledItemDelegate):
    """Draws DisplayRole as plain text with a QTextLayout (no HTML, no mnemonics, no links), wrapped
    to the view's width at word boundaries, or anywhere for a word longer than the line."""

    MARGIN = 3

    def __init__(self, view: QAbstractItemView, rules: ChatRules | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.rules = rules
        self._heights: dict[int, tuple[weakref.ref[ChatMessage], Any, int, int]] = {}

    def _text_width(self) -> int:
        return max(60, self.view.viewport().width() - 2 * self.MARGIN)

    @staticmethod
    def layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout, y

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The view forgets its row heights at every insertion and asks again for the rows it shows:
        # heights are cached per message (weakly: a trimmed message is not kept alive), removed state
        # and width.
        width = self._text_width()
        message = index.data(MessageRole)
        removed = index.data(RemovedRole)
        cached = self._heights.get(id(message))
        if cached is not None and cached[0]() is message and cached[1] == removed and cached[2] == width:
            return QSize(width, cached[3])
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        _layout, text_height = self.layout(text, option.font, width)
        height = math.ceil(text_height) + 2 * self.MARGIN
        if isinstance(message, ChatMessage):
            if len(self._heights) >= HEIGHT_CACHE:
                self._heights.clear()
            self._heights[id(message)] = (weakref.ref(message), removed, width, height)
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # the style draws the background and selection only
        message = index.data(MessageRole)
        highlighted = (self.rules is not None and isinstance(message, ChatMessage)
                       and not index.data(RemovedRole) and self.rules.highlighted(message))
        if highlighted:
            opt.backgroundBrush = QBrush(HIGHLIGHT_COLOR)
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if highlighted:
            painter.fillRect(opt.rect.left(), opt.rect.top(), 2, opt.rect.height(), HIGHLIGHT_BAR)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        layout, _height = self.layout(text, opt.font, opt.rect.width() - 2 * self.MARGIN)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(role))
        layout.draw(painter, QPointF(opt.rect.left() + self.MARGIN, opt.rect.top() + self.MARGIN))
        painter.restore()


class ChatListView(QTreeView):
    """The chat list: a flat, one-column QTreeView (no header, no branches) scrolling per row.

    A QListView with rows of different heights asks the delegate for the size of *every* row after
    each insertion (20,000 rows: ~100,000 size hints a second at 5 msg/s). This view also lays out
    again after an insertion, but only in C++ (row bookkeeping), and asks for the heights of the rows
    it draws and of the last page (the scroll range, in rows) only. Scrolling per pixel would need
    every height again, hence ``ScrollPerItem``: the top row is always whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._laid_out_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Another width wraps differently: measure the rows in view again."""
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._laid_out_width:
            self._laid_out_width = width
            self.scheduleDelayedItemsLayout()


class ChatPanel(QWidget):
    """See the module docstring; fed by a :class:`ChatHub` (signals arrive queued from source threads)."""

    _feature_done = Signal(object)

    def __init__(self, hub: ChatHub, parent: QWidget | None = None, *, cap: int | None = None,
                 obs: ObsClient | None = None, settings: Settings | None = None, store: SessionStore | None = None,
                 session_id: Callable[[], int | None] | None = None, page_size: int = PAGE_SIZE) -> None:
        """``store``/``session_id``: where older messages are paged from (default: the hub's session
        sink); ``settings``: streamer name, highlight rules, hidden users (default: OnAir's ini)."""
        super().__init__(parent)
        self.setObjectName("chatPanel")
        self.hub = hub
        self.obs = obs
        self.settings = settings if settings is not None else Settings()
        self.rules = ChatRules(self.settings.streamer_name, self.settings.chat_highlights,
                               self.settings.chat_highlight_mentions, self.settings.chat_hidden_users)
        self.model = ChatListModel(self) if cap is None else ChatListModel(self, cap=cap)
        self.rows = ChatRowMirror(self.model, self)  # the view walks these rows in C++ (see there)
        self.proxy = ChatFilterProxy(self, self.rules)
        self.proxy.setSourceModel(self.rows)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("chatFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter chat…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.questions = QCheckBox(self.tr("Questions only"), self)
        self.questions.setObjectName("questionsOnly")
        self.questions.toggled.connect(self.proxy.set_questions_only)
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("chatRate")
        self.rate_label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.rate_label)
        tools = QHBoxLayout()
        tools.addWidget(self.questions)
        self._build_filter_tools(tools)

        self.empty_label = QLabel(self.tr("No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID"),
                                  self)
        self.empty_label.setObjectName("chatEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)

        self.history_label = QLabel(self.tr("Loading older messages…"), self)
        self.history_label.setObjectName("chatHistoryLoading")
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.history_label.font()
        font.setItalic(True)
        self.history_label.setFont(font)
        self.history_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.history_label.hide()

        self.view = ChatListView(self)
        self.view.setObjectName("chatList")
        self.view.setModel(self.proxy)
        self.delegate = PlainLineDelegate(self.view, self.rules)
        self.view.setItemDelegate(self.delegate)

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newMessagesButton")
        self.new_button.clicked.connect(self.jump_to_newest)
        self.new_button.hide()

        self.status_label = QLabel(self)
        self.status_label.setObjectName("chatStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("chatNotice")
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.history_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.status_label)
        self._build_feature(layout)

        self.follow = True
        self.unseen = 0
        self._prepending = False
        self._anchor: QPersistentModelIndex | None = None  # set while a prepended page is anchored
        self._arrivals: collections.deque[float] = collections.deque()
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._scroll_to_bottom)
        self._rate_timer = QTimer(self)
        self._rate_timer.setInterval(1000)
        self._rate_timer.timeout.connect(self.update_rate)
        self._rate_timer.start()

        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        self.proxy.rowsInserted.connect(self._on_rows_inserted)

        self._build_history(store, session_id, page_size)
        self._build_shortcuts()

        hub.messages_received.connect(self.model.add_messages)  # batched by the hub (≤ 20 a second)
        hub.messages_received.connect(self._on_messages)
        hub.message_removed.connect(self.model.apply_removal)
        hub.notice.connect(self._on_notice)
        hub.source_status.connect(self._on_status)
        hub.sources_changed.connect(self._update_empty)
        self._update_empty()
        self._show_statuses()
        self.update_rate()

    def _build_filter_tools(self, tools: QHBoxLayout) -> None:
        self.filters_button = QToolButton(self)
        self.filters_button.setObjectName("chatFiltersButton")
        self.filters_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filters_button.setStyleSheet(MENU_BUTTON_STYLE)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.filters_button)
        menu.setToolTipsVisible(True)
        menu.setObjectName("chatFiltersMenu")
        self.filter_actions: dict[str, QAction] = {}
        for name, text, slot in (
                ("filterMentions", self.tr("Mentions of the streamer"), self.proxy.set_mentions_only),
                ("filterModerators", self.tr("Moderators only"), self.proxy.set_moderators_only),
                ("filterMembers", self.tr("Members / subscribers only"), self.proxy.set_members_only),
                ("filterPaid", self.tr("Paid only (Super Chat, bits)"), self.proxy.set_paid_only)):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setCheckable(True)
            action.toggled.connect(slot)
            action.toggled.connect(self._update_filters_button)
            self.filter_actions[name] = action
        self.filters_button.setMenu(menu)

        self.highlights_button = QToolButton(self)
        self.highlights_button.setObjectName("chatHighlightsButton")
        self.highlights_button.setText(self.tr("Highlights…"))
        self.highlights_button.clicked.connect(self.edit_highlights)

        self.hidden_button = QToolButton(self)
        self.hidden_button.setObjectName("chatHiddenButton")
        self.hidden_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.hidden_button.setStyleSheet(MENU_BUTTON_STYLE)
        self.hidden_menu = QMenu(self.hidden_button)
        self.hidden_menu.setObjectName("chatHiddenMenu")
        self.hidden_button.setMenu(self.hidden_menu)

        tools.addWidget(self.filters_button)
        tools.addWidget(self.highlights_button)
        tools.addWidget(self.hidden_button)
        tools.addStretch(1)
        self._update_filters_button()
        self._update_hidden_menu()

    def _build_history(self, store: SessionStore | None, session_id: Callable[[], int | None] | None,
                       page_size: int) -> None:
        sink = self.hub.sink
        self.store = store if store is not None else (sink.store if sink is not None else None)
        self.session_id = session_id if session_id is not None else (sink.session_id if sink is not None else None)
        self.page_size = page_size
        self.loader: ChatHistoryLoader | None = None
        if self.store is not None and self.session_id is not None:
            self.loader = ChatHistoryLoader(self._history_connection, self)
            self.loader.page_loaded.connect(self._on_page_loaded)
            self.loader.failed.connect(self._on_page_failed)
        self._pending: tuple[int, str] | None = None          # (request id, "older" | "newest")
        self._history_session: int | None = None
        self._history_complete = False
        self._cursor: tuple[float, int] | None = None
        self._cursor_top: ChatMessage | None = None
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(0)
        self._history_timer.timeout.connect(self.load_older)

    def _history_connection(self) -> sqlite3.Connection:
        assert self.store is not None
        return self.store.reader()

    def _build_shortcuts(self) -> None:
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_filter)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.filter_edit.clear)
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Wheel up at the top (also when a filter leaves too few rows to scroll): page older messages."""
        if (event.type() == QEvent.Type.Wheel and watched is self.view.viewport()
                and isinstance(event, QWheelEvent) and event.angleDelta().y() > 0):
            bar = self.view.verticalScrollBar()
            if bar.value() <= bar.minimum():
                self._history_timer.start()
        return super().eventFilter(watched, event)

    @Slot()
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _build_feature(self, layout: QVBoxLayout) -> None:
        self.feature_button = QPushButton(self.tr("Feature on stream"), self)
        self.feature_button.setObjectName("featureButton")
        self.feature_button.setEnabled(False)
        self.feature_button.clicked.connect(self.feature_selected)
        self.feature_seconds = QSpinBox(self)
        self.feature_seconds.setObjectName("featureSeconds")
        self.feature_seconds.setRange(1, 600)
        self.feature_seconds.setValue(10)
        self.feature_seconds.setSuffix(self.tr(" s"))
        self.feature_status = QLabel(self)
        self.feature_status.setObjectName("featureStatus")
        self.feature_status.setTextFormat(Qt.TextFormat.PlainText)
        self.feature_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.feature_button)
        row.addWidget(self.feature_seconds)
        row.addWidget(self.feature_status, 1)
        layout.addLayout(row)
        self.feature_action = self.view.addAction(self.tr("Feature on stream"))  # context menu
        self.feature_action.triggered.connect(self.feature_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_feature_enabled)
        self._feature_done.connect(self._on_feature_done)
        self._update_feature_enabled()

    def selected_message(self) -> ChatMessage | None:
        indexes = self.view.selectionModel().selectedIndexes()
        message = indexes[0].data(MessageRole) if indexes else None
        return message if isinstance(message, ChatMessage) else None

    @Slot()
    def _update_feature_enabled(self) -> None:
        enabled = self.obs is not None and self.selected_message() is not None
        self.feature_button.setEnabled(enabled)
        self.feature_action.setEnabled(enabled)

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("chatContextMenu")
        menu.addAction(self.feature_action)
        message = index.data(MessageRole) if index.isValid() else None
        if isinstance(message, ChatMessage) and (message.author or message.author_id):
            hide = menu.addAction(self.tr("Hide messages from {author}").format(
                author=menu_text(message.author or message.author_id)))
            hide.setObjectName("hideAuthorAction")
            hide.setData(message)
            hide.triggered.connect(self._on_hide_triggered)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    @Slot()
    def _on_hide_triggered(self) -> None:
        action = self.sender()
        message = action.data() if isinstance(action, QAction) else None
        if isinstance(message, ChatMessage):
            self.hide_author(message)

    def hide_author(self, message: ChatMessage) -> None:
        """Hide every message of ``message``'s author (locally, remembered in the settings)."""
        if self.rules.hide(message):
            self._hidden_changed()

    def unhide(self, entry: dict[str, str] | None) -> None:
        """Show a hidden user's messages again (``None``: every hidden user)."""
        self.rules.unhide(entry)
        self._hidden_changed()

    def _hidden_changed(self) -> None:
        self.settings.chat_hidden_users = self.rules.hidden
        self.settings.sync()
        self.proxy.rules_changed()
        self._update_hidden_menu()

    def _update_hidden_menu(self) -> None:
        self.hidden_menu.clear()
        hidden = self.rules.hidden
        self.hidden_button.setText(self.tr("Hidden ({n})").format(n=len(hidden)) + MENU_ARROW)
        self.hidden_button.setEnabled(bool(hidden))
        for entry in hidden:
            platform = entry.get("platform", "")
            action = self.hidden_menu.addAction(self.tr("Show {author} ({platform})").format(
                author=menu_text(entry.get("author") or entry.get("author_id", "")),
                platform=display_text(platform, 20)))
            action.setData(entry)
            action.triggered.connect(self._on_unhide_triggered)
        if hidden:
            self.hidden_menu.addSeparator()
            everyone = self.hidden_menu.addAction(self.tr("Show everyone"))
            everyone.setObjectName("unhideAllAction")
            everyone.triggered.connect(self._on_unhide_all)

    @Slot()
    def _on_unhide_triggered(self) -> None:
        action = self.sender()
        entry = action.data() if isinstance(action, QAction) else None
        if isinstance(entry, dict):
            self.unhide({str(k): str(v) for k, v in entry.items()})

    @Slot()
    def _on_unhide_all(self) -> None:
        self.unhide(None)

    @Slot()
    def _update_filters_button(self) -> None:
        active = self.proxy.active_filters()
        self.filters_button.setText((self.tr("Filters ({n})").format(n=active) if active else self.tr("Filters"))
                                    + MENU_ARROW)
        mentions = self.filter_actions["filterMentions"]
        mentions.setEnabled(bool(self.rules.streamer) or mentions.isChecked())
        mentions.setToolTip("" if self.rules.streamer else self.tr("Set the streamer's name in Highlights…"))

    @Slot()
    def edit_highlights(self) -> None:
        """The highlight rules dialog (window-modal, not blocking the event loop)."""
        dialog = ChatHighlightDialog(self.settings.streamer_name, self.rules.highlights,
                                     self.rules.highlight_mentions, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._on_highlights_done)
        dialog.open()
        self.highlight_dialog = dialog

    @Slot(int)
    def _on_highlights_done(self, result: int) -> None:
        dialog = self.highlight_dialog
        if result == QDialog.DialogCode.Accepted:
            self.apply_highlights(dialog.streamer, dialog.rules(), dialog.mentions)
        dialog.deleteLater()

    def apply_highlights(self, streamer: str, rules: list[str], mentions: bool) -> None:
        """Use and remember the streamer's name, the highlight rules and "highlight mentions"."""
        self.settings.streamer_name = streamer
        self.settings.chat_highlights = rules
        self.settings.chat_highlight_mentions = mentions
        self.settings.sync()
        self.rules.set_streamer(self.settings.streamer_name)
        self.rules.set_highlights(rules)
        self.rules.highlight_mentions = mentions
        self.proxy.rules_changed()
        self._update_filters_button()
        self.view.viewport().update()

    # -- scroll-back (pages from the session database, read on the loader's thread) ---------------

    @Slot()
    def load_older(self) -> bool:
        """Ask for the page of messages older than the first row; False if there is nothing to ask."""
        if self.loader is None or self.session_id is None or self._pending is not None or self._anchor is not None:
            return False
        sid = self.session_id()
        if sid is None:
            return False
        if sid != self._history_session:
            self._history_session, self._history_complete, self._cursor = sid, False, None
        if self._history_complete:
            return False
        oldest = self.model.oldest_message()
        before_t: float | None
        before_id: int | None
        if self._cursor is not None and oldest is self._cursor_top:
            before_t, before_id = self._cursor
        else:
            before_t, before_id = (oldest.t if oldest is not None else None), None
        self._pending = (self.loader.request(sid, before_t, before_id, self.page_size), "older")
        self.history_label.show()
        return True

    def _load_newest(self) -> None:
        """The newest end went out of the window: read the newest messages back."""
        sid = self.session_id() if self.session_id is not None else None
        if self.loader is None or sid is None:
            self.model.reset_to([])
            return
        self._pending = (self.loader.request(sid, None, None, self.model.cap), "newest")

    @Slot(int, object)
    def _on_page_loaded(self, request_id: int, page: ChatPage) -> None:
        if self._pending is None or self._pending[0] != request_id:
            return
        kind = self._pending[1]
        self._pending = None
        self.history_label.hide()
        if kind == "newest":
            self._history_complete, self._cursor = False, None
            self.model.reset_to(page.messages)
            self.jump_to_newest()
            return
        anchor = self._top_anchor()
        self._prepending = True
        try:
            self.model.prepend_older(page.messages)
        finally:
            self._prepending = False
        self._cursor, self._cursor_top = page.cursor, self.model.oldest_message()
        self._history_complete = page.complete
        if anchor is not None:
            self._restore_anchor(anchor)
        if not self.model.live_edge and self.model.held and not self.unseen:
            self._count_unseen(len(self.model.held))
        bar = self.view.verticalScrollBar()
        if not page.complete and self._anchor is None and bar.maximum() > 0 and bar.value() <= self._near_top():
            self._history_timer.start()  # few rows passed the filters: keep going (a wheel asks when none did)

    @Slot(int, str)
    def _on_page_failed(self, request_id: int, reason: str) -> None:
        if self._pending is None or self._pending[0] != request_id:
            return
        self._pending = None
        self.history_label.setText(self.tr("Older messages could not be read: {reason}").format(
            reason=display_text(reason, 200)))
        self.history_label.show()
        self._history_complete = True

    def _top_anchor(self) -> QPersistentModelIndex | None:
        """The first row in view (the view scrolls per row: its top is the viewport's top)."""
        self.view.executeDelayedItemsLayout()
        index = self.view.indexAt(QPoint(self.delegate.MARGIN, 1))
        if index.isValid():
            return QPersistentModelIndex(index)
        return QPersistentModelIndex(self.proxy.index(0, 0)) if self.proxy.rowCount() else None

    def _restore_anchor(self, anchor: QPersistentModelIndex) -> None:
        """Put ``anchor`` back at the top of the view. The view lays out at once here and no frame is
        painted in between, so the rows paged in never flash at the top."""
        self._anchor = anchor
        try:
            self.view.executeDelayedItemsLayout()
            if anchor.isValid():
                self.view.scrollTo(self.proxy.index(anchor.row(), 0), QAbstractItemView.ScrollHint.PositionAtTop)
        finally:
            self._anchor = None

    def _near_top(self) -> int:
        """How close to the top counts as "at the top", in rows (the scroll bar counts rows): a third
        of a page."""
        return max(1, self.view.verticalScrollBar().pageStep() // 3)

    @Slot()
    def feature_selected(self) -> Future[FeatureResult] | None:
        """Feature the selected message in the current program scene; failures show OBS's comment."""
        message = self.selected_message()
        what = self.tr("Feature on stream")
        if self.obs is None or message is None:
            return None
        scene = self.obs.snapshot.program_scene
        if self.obs.status.state is not LinkState.CONNECTED or not scene:
            self._feature_failed(what, self.tr("OBS is not connected"))
            return None
        seconds = self.feature_seconds.value()
        future = feature_message(self.obs.worker, featured_text(message), scene=scene, seconds=seconds)
        future.add_done_callback(self._feature_done.emit)
        self.feature_status.setText(self.tr("Featuring in {scene} for {n} s…").format(
            scene=display_text(scene, 60), n=seconds))
        return future

    @Slot(object)
    def _on_feature_done(self, future: Future[FeatureResult]) -> None:
        what = self.tr("Feature on stream")
        error = future.exception()
        if error is None:
            result = future.result()
            self.feature_status.setText(self.tr("On stream in {scene}").format(scene=display_text(result.scene, 60)))
        elif isinstance(error, ObsError):
            self._feature_failed(what, str(error))
        else:
            self._feature_failed(what, f"unexpected error: {error!r}")

    def _feature_failed(self, what: str, reason: str) -> None:
        self.feature_status.setText(f"{what}: {display_text(reason, 300)}")
        if self.obs is not None:
            self.obs.request_failed.emit(what, reason)

    # -- slots (GUI thread) -------------------------------------------------------------------------

    @Slot(object)
    def _on_message(self, _message: ChatMessage) -> None:
        self._arrivals.append(time.monotonic())
        if not self.model.live_edge:
            self._count_unseen(1)  # held until the operator goes back to the newest

    @Slot(object)
    def _on_messages(self, messages: list[ChatMessage]) -> None:
        self._arrivals.extend([time.monotonic()] * len(messages))
        if not self.model.live_edge:
            self._count_unseen(len(messages))  # held until the operator goes back to the newest

    @Slot(object)
    def _on_notice(self, notice: ChatNotice) -> None:
        self.notice_label.setText(f"[{notice.platform}] {display_text(notice.text)}")
        self.notice_label.show()

    @Slot(str, str, str)
    def _on_status(self, _name: str, _state: str, _reason: str) -> None:
        self._show_statuses()
        self._update_empty()

    def _show_statuses(self) -> None:
        states = {"connecting": self.tr("connecting"), "connected": self.tr("connected"),
                  "reconnecting": self.tr("reconnecting"), "disconnected": self.tr("disconnected")}
        parts = []
        for name, (state, reason) in sorted(self.hub.statuses.items()):
            text = f"{display_text(name, 40)}: {states.get(state, display_text(state, 40))}"
            if reason:
                text += f" ({display_text(reason, 200)})"
            parts.append(text)
        self.status_label.setText(" · ".join(parts))
        self.status_label.setVisible(bool(parts))

    @Slot()
    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.hub.sources and not self.hub.statuses and self.model.rowCount() == 0)

    def update_rate(self) -> None:
        now = time.monotonic()
        while self._arrivals and self._arrivals[0] < now - RATE_WINDOW_S:
            self._arrivals.popleft()
        self.rate_label.setText(self.tr("{n} msg/min").format(n=len(self._arrivals)))

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self.empty_label.isHidden():  # also before the panel is first shown
            self.empty_label.hide()
        if self._prepending:
            return
        if self.follow:
            self._scroll_timer.start()
        else:
            self._count_unseen(last - first + 1)

    def _count_unseen(self, n: int) -> None:
        self.unseen += n
        self.new_button.setText(self.tr("{n} new ↓").format(n=self.unseen))
        self.new_button.show()

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        was_following = self.follow
        self.follow = value >= bar.maximum() and self.model.live_edge
        self.model.trim_oldest = self.follow
        if self.follow and self.unseen:
            self.unseen = 0
            self.new_button.hide()
        if self.follow and not was_following:
            self._trim_history()
        if (not self.follow and not self._prepending and self._anchor is None and bar.maximum() > 0
                and value <= self._near_top()):
            self._history_timer.start()
        elif not self.model.live_edge and value >= bar.maximum() and self._pending is None:
            self._load_newest()

    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._anchor is None and self.follow:
            self._scroll_timer.start()

    def _scroll_to_bottom(self) -> None:
        self.view.scrollToBottom()
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def jump_to_newest(self) -> None:
        if not self.model.live_edge:
            if self._pending is None or self._pending[1] != "newest":
                self._pending = None
                self._load_newest()
            return
        self.follow = True
        self.model.trim_oldest = True
        self.unseen = 0
        self.new_button.hide()
        self._scroll_to_bottom()
        self._trim_history()

    def _trim_history(self) -> None:
        """Back at the newest: the history paged in while scrolled up goes (it can be paged again)."""
        rows = self.model.rowCount()
        self.model.trim_to_cap()
        if self.model.rowCount() < rows:
            self._history_complete, self._cursor = False, None
