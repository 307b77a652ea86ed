"""The comparison with previous sessions (same platform) as a Qt table model; the current session last."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from controllers.review.model import ComparisonRow, SessionReview
from controllers.review.render import labels

from .cards import format_value
from .common import tr

Index = QModelIndex | QPersistentModelIndex
#: Indicators compared, in column order (after the date and title).
COMPARED: tuple[str, ...] = ("duration_s", "peak_viewers", "avg_viewers", "hours_watched", "chat_messages",
                             "unique_chatters", "engagement_rate", "avg_bitrate_kbps", "dropped_frames_pct")


class ComparisonModel(QAbstractTableModel):
    """Rows: previous sessions (oldest first), then this one (bold); a value better than the
    previous sessions' mean is green, worse is red (for loss/duration-neutral keys no colour)."""

    LOWER_IS_BETTER = frozenset({"dropped_frames_pct"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ComparisonRow] = []
        self.current_id: int | None = None

    def set_review(self, review: SessionReview | None) -> None:
        self.beginResetModel()
        if review is None:
            self.rows, self.current_id = [], None
        else:
            current = ComparisonRow(review.session_id, review.started_at, review.title,
                                    {k: review.indicators.get(k) for k in COMPARED})
            self.rows = [*review.comparison, current]
            self.current_id = review.session_id
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2 + len(COMPARED)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return tr("Date")
        if section == 1:
            return tr("Title")
        names = labels.metric_labels()
        names.update(getattr(labels, "comparison_labels", dict)())
        key = COMPARED[section - 2]
        return names.get(key, key)

    def _mean(self, key: str) -> float | None:
        previous = [r.values.get(key) for r in self.rows if r.session_id != self.current_id]
        known = [float(v) for v in previous if v is not None and v == v]
        return sum(known) / len(known) if known else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        current = row.session_id == self.current_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return time.strftime("%Y-%m-%d %H:%M", time.localtime(row.started_at))
            if col == 1:
                return (row.title or tr("Untitled")) + (tr(" (this session)") if current else "")
            key = COMPARED[col - 2]
            return format_value(key, row.values.get(key))
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and current and col >= 2:
            key = COMPARED[col - 2]
            value, mean = row.values.get(key), self._mean(key)
            if value is None or mean is None or key == "duration_s" or value == mean:
                return None
            better = value < mean if key in self.LOWER_IS_BETTER else value > mean
            return QBrush(QColor("#2e7d32" if better else "#c62828"))
        if role == Qt.ItemDataRole.UserRole:
            return row.session_id
        return None
