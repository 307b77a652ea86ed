"""The chat panel: every platform's chat in one time-ordered list, as plain text only.

``chatList`` (QListView, default delegate: DisplayRole strings are drawn as plain text, never as
HTML), ``chatFilter`` (substring, case-insensitive), ``questionsOnly``, ``newMessagesButton``
("N new" while the operator has scrolled up), ``chatRate`` (messages per minute), ``chatStatus``
(one entry per source), ``chatEmpty`` (no source configured), ``featureButton`` / ``featureSeconds`` /
``featureStatus`` (feature the selected message on stream in the program scene; also in the list's
context menu; needs an ObsClient). Every label that may show text from the
network is ``Qt.PlainText``.
"""

from __future__ import annotations

import collections
import math
import time
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
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
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from controllers.chat.feature import FeatureResult, feature_message, featured_text
from controllers.chat.hub import ChatHub
from controllers.chat.model import ChatMessage, ChatNotice
from controllers.obs.client import ObsClient
from controllers.obs.errors import ObsError
from controllers.obs.model import LinkState

from .models.chat_model import AuthorRole, ChatListModel, MessageRole, TextRole, display_text

Index = QModelIndex | QPersistentModelIndex
RATE_WINDOW_S = 60.0
QUESTION_MARKS = ("?", "？")


class ChatFilterProxy(QSortFilterProxyModel):
    """Rows whose author or text contains the filter text (case-insensitive); optionally questions only."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._questions = False

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
        if not self._needle and not self._questions:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
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

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

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
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._text_width()
        _layout, height = self.layout(text, option.font, width)
        return QSize(width, math.ceil(height) + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # the style draws the background and selection only
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        layout, _height = self.layout(text, opt.font, opt.rect.width() - 2 * self.MARGIN)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(role))
        layout.draw(painter, QPointF(opt.rect.left() + self.MARGIN, opt.rect.top() + self.MARGIN))
        painter.restore()


class ChatPanel(QWidget):
    """See the module docstring; fed by a :class:`ChatHub` (signals arrive queued from source threads)."""

    _feature_done = Signal(object)

    def __init__(self, hub: ChatHub, parent: QWidget | None = None, *, cap: int | None = None,
                 obs: ObsClient | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPanel")
        self.hub = hub
        self.obs = obs
        self.model = ChatListModel(self) if cap is None else ChatListModel(self, cap=cap)
        self.proxy = ChatFilterProxy(self)
        self.proxy.setSourceModel(self.model)

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
        top.addWidget(self.questions)
        top.addWidget(self.rate_label)

        self.empty_label = QLabel(self.tr("No chat sources: set ONAIR_TWITCH_CHANNEL or ONAIR_YOUTUBE_VIDEO_ID"),
                                  self)
        self.empty_label.setObjectName("chatEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)

        self.view = QListView(self)
        self.view.setObjectName("chatList")
        self.view.setModel(self.proxy)
        self.delegate = PlainLineDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

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
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.status_label)
        self._build_feature(layout)

        self.follow = True
        self.unseen = 0
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

        hub.message_received.connect(self.model.add_message)
        hub.message_received.connect(self._on_message)
        hub.message_removed.connect(self.model.apply_removal)
        hub.notice.connect(self._on_notice)
        hub.source_status.connect(self._on_status)
        hub.sources_changed.connect(self._update_empty)
        self._update_empty()
        self._show_statuses()
        self.update_rate()

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
        menu.addAction(self.feature_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

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
        if self.empty_label.isVisible():
            self.empty_label.hide()
        if self.follow:
            self._scroll_timer.start()
        else:
            self.unseen += last - first + 1
            self.new_button.setText(self.tr("{n} new ↓").format(n=self.unseen))
            self.new_button.show()

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        self.follow = value >= bar.maximum() - 2
        if self.follow and self.unseen:
            self.unseen = 0
            self.new_button.hide()

    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self.follow:
            self._scroll_timer.start()

    def _scroll_to_bottom(self) -> None:
        self.view.scrollToBottom()
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def jump_to_newest(self) -> None:
        self.follow = True
        self.unseen = 0
        self.new_button.hide()
        self._scroll_to_bottom()
