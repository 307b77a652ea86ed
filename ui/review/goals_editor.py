"""Goals of a session against its results; add and remove goals (written on the store's writer thread)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controllers.review import goals as goal_store
from controllers.review.model import REPORT_KEYS, GoalResult, SessionReview
from controllers.review.render import labels

from .cards import GOAL_MARKS, format_value, goal_text
from .common import Jobs, tr

Submit = Callable[[Callable[[sqlite3.Connection], Any]], "Future[Any]"]


def input_unit(metric: str) -> str:
    """The unit a target is typed in (the indicator's own unit)."""
    if metric.endswith("_pct") or metric.startswith("cpu") or metric == "engagement_rate":
        return "%"
    if metric.endswith("_s"):
        return tr("seconds")
    if metric.endswith("_kbps"):
        return "kbit/s"
    return ""


class GoalsEditor(QWidget):
    """``reviewGoalsTable``, ``reviewGoalMetric``, ``reviewGoalOp``, ``reviewGoalTarget``,
    ``reviewGoalAdd``, ``reviewGoalRemove``, ``reviewGoalMessage``; ``changed()`` after a write."""

    changed = Signal()

    def __init__(self, submit: Submit | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewGoals")
        self.submit = submit
        self.jobs = Jobs(self, name="review-goals")
        self.review: SessionReview | None = None
        self.source_note = QLabel(self)
        self.source_note.setObjectName("reviewGoalSource")
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("color: #57606a;")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("reviewGoalsTable")
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Goal"), tr("Result"), tr("Met")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("reviewGoalMetric")
        names = labels.metric_labels()
        for key in REPORT_KEYS:
            self.metric_box.addItem(names.get(key, key), key)
        self.metric_box.currentIndexChanged.connect(self._on_metric)
        self.op_box = QComboBox(self)
        self.op_box.setObjectName("reviewGoalOp")
        self.op_box.addItem(tr("at least (≥)"), ">=")
        self.op_box.addItem(tr("at most (≤)"), "<=")
        self.target = QLineEdit(self)
        self.target.setObjectName("reviewGoalTarget")
        self.target.setPlaceholderText(tr("target"))
        self.target.setMaximumWidth(110)
        self.target.returnPressed.connect(self.add_goal)
        self.unit = QLabel(self)
        self.unit.setObjectName("reviewGoalUnit")
        self.add_button = QPushButton(tr("Add goal"), self)
        self.add_button.setObjectName("reviewGoalAdd")
        self.add_button.clicked.connect(self.add_goal)
        self.remove_button = QPushButton(tr("Remove selected"), self)
        self.remove_button.setObjectName("reviewGoalRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setObjectName("reviewGoalMessage")
        self.message.setWordWrap(True)
        form = QHBoxLayout()
        form.addWidget(self.metric_box, 2)
        form.addWidget(self.op_box)
        form.addWidget(self.target)
        form.addWidget(self.unit)
        form.addWidget(self.add_button)
        form.addStretch(1)
        form.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.source_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self._on_metric()
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        writable = on and self.submit is not None
        for widget in (self.metric_box, self.op_box, self.target, self.add_button, self.remove_button):
            widget.setEnabled(writable)

    def _on_metric(self, *_: object) -> None:
        self.unit.setText(input_unit(str(self.metric_box.currentData() or "")))

    # -- showing ---------------------------------------------------------------------------------

    def set_review(self, review: SessionReview | None) -> None:
        self.review = review
        self.table.setRowCount(0)
        self._set_enabled(review is not None)
        if review is None:
            self.source_note.clear()
            return
        notes = {"session": tr("This session's goals."),
                 "template": tr("Goals from the platform's template; changing them here makes them this "
                                "session's own."),
                 "none": tr("No goals yet: add targets below (e.g. peak viewers at least 300).")}
        self.source_note.setText(notes.get(review.goal_source, ""))
        names = labels.metric_labels()
        for row, result in enumerate(review.goals):
            self.table.insertRow(row)
            mark, colour = GOAL_MARKS[result.met]
            cells = [names.get(result.goal.metric, result.goal.metric), goal_text(result),
                     format_value(result.goal.metric, result.actual), mark]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (result.goal.metric, result.goal.op))
                if col == 3:
                    item.setForeground(QColor(colour))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)

    def results(self) -> list[GoalResult]:
        return list(self.review.goals) if self.review is not None else []

    # -- editing ---------------------------------------------------------------------------------

    def add_goal(self) -> None:
        review = self.review
        if review is None or self.submit is None:
            return
        metric = str(self.metric_box.currentData())
        text = self.target.text().strip().replace(",", "").replace("%", "")
        try:
            goal = goal_store.make_goal(metric, str(self.op_box.currentData()), text)
        except goal_store.GoalError as exc:
            self.show_message(str(exc), error=True)
            return
        adopt = review.goal_source == "template"
        session_id, platform = review.session_id, review.platform

        def write(conn: sqlite3.Connection) -> None:
            if adopt:
                goal_store.adopt_template(conn, session_id, platform)
            goal_store.set_goal(conn, session_id, goal)

        self._write(write, tr("Goal saved."))
        self.target.clear()

    def remove_selected(self) -> None:
        review = self.review
        rows = self.table.selectionModel().selectedRows()
        if review is None or self.submit is None or not rows:
            self.show_message(tr("Select a goal to remove."), error=True)
            return
        item = self.table.item(rows[0].row(), 0)
        if item is None:
            return
        metric, op = item.data(Qt.ItemDataRole.UserRole)
        adopt = review.goal_source == "template"
        session_id, platform = review.session_id, review.platform

        def write(conn: sqlite3.Connection) -> None:
            if adopt:
                goal_store.adopt_template(conn, session_id, platform)
            goal_store.delete_goals(conn, session_id, metric, op)

        self._write(write, tr("Goal removed."))

    def _write(self, fn: Callable[[sqlite3.Connection], Any], done: str) -> None:
        assert self.submit is not None
        self._set_enabled(False)
        self.show_message(tr("Saving…"))
        self.jobs.attach(self.submit(fn), lambda _r: self._written(done), self._failed)

    def _written(self, message: str) -> None:
        self._set_enabled(True)
        self.show_message(message)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_enabled(True)
        self.show_message(tr("The goal could not be saved: {reason}").format(reason=error), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def shutdown(self) -> None:
        self.jobs.close()
